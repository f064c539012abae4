// Package job is the tutorial's training job, shared by the notebooks and
// `gotrain train`: the Go form of the reference workflow's train_model.py.
//
// A Job walks the same steps a notebook cell by cell and the command line
// in one go:
//
//	EnsureData     generate the sharded CSV files when the data folder has none
//	Start          connect the workers (spawned here, or at given addresses)
//	               and load the train, validation and test data
//	Job.TrainOnce  one boosting run on the workers
//	Job.Tune       a tuning run with live progress (notebook or terminal)
//	Job.Evaluate   test accuracy and AUC of a model
//	Job.Save       tune_best, importance charts, the explanation page and
//	               dominostats.json in the output folder
//	Job.LogMLflow  the tuning run as an MLflow run tree, best model registered
//	Run            all of the above, for the batch job
//
// One seed, Config.Seed (DefaultSeed, 0, unless set), makes the data, the
// search and the training: by default the notebooks, `gotrain train` and
// `gotrain data generate` write the same files and find the same model.
//
// Everything long takes a context first and stops when it is cancelled
// (an interrupt in the notebook, Ctrl-C on the command line).
package job
