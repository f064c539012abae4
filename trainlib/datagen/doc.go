// Package datagen makes the reference workflow's data layout from the
// credit data sets embedded in trainlib/datasets: a held-out test_data.csv
// of real rows and seeded synthetic shards train_data_0.csv … and
// validation_data_0.csv … for distributed training.
//
// The steps, for German credit (the reference workflow's set): one-hot
// encode the 13 categorical attributes, min-max scale the 7 numeric ones
// over all 1,000 rows (61 features), recode the class to credit = 1 for good
// and 0 for bad, hold out a seeded 20% as test_data.csv, and upsample the
// rest with a SMOTE-N-style oversampler (smoten.go) into the shards, the two
// classes in equal numbers. UCI credit card gets the same layout: ID dropped,
// the 23 attributes min-max scaled, its label default.payment.next.month
// renamed credit (1 = default next month), and its code columns (SEX,
// EDUCATION, MARRIAGE, PAY_*) treated as nominal by the oversampler.
//
// Everything is a function of the seed: each shard draws from its own
// random stream (seed, shard number), so shards are made in parallel and the
// files are the same byte for byte whatever the parallelism.
package datagen
