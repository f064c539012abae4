// Package tune searches gradient-boosting hyperparameters, Ray Tune style,
// on data loaded and binned once and shared by every trial.
//
// The pieces, one file each:
//
//   - space.go: the search space. A Space maps XGBoost parameter names to
//     a Domain (LogUniform, Uniform, QUniform, IntInclusive, RandInt,
//     Choice, Grid) or to a fixed value that passes through unchanged.
//   - searcher.go, grid.go, tpe.go: Searchers propose a trial's
//     parameters: RandomSearch (seeded, reproducible), GridSearch, and
//     TPE, a tree-structured Parzen estimator that models good and bad
//     trials seen so far.
//   - scheduler.go, asha.go: Schedulers decide after each round whether a
//     trial continues: FIFO runs every trial to the end, ASHA stops the
//     worse trials at its rungs.
//   - machine.go: the tuner's logic as a state machine: results and
//     trial ends go in, trials to launch and to stop come out. It does no
//     I/O, so it is tested without training.
//   - run.go, runner.go, attempt.go: Run wires the machine to training:
//     trials run concurrently as sessions on the same gbdt.Holders (in
//     process or on a cluster), failing trials are retried from their
//     last checkpoint, every round is checkpointed.
//   - shared.go: the holders' quantile summaries are asked for once per
//     run, so the data is sketched and binned once for all trials.
//   - checkpoint.go: the experiment directory (one state file per
//     trial, trial_results.json, tune_best.json and tune_best.xgb). An
//     interrupted trial continues from its checkpoint's trees with
//     gbdt's training continuation (Options.InitModel), which samples
//     rows and columns by the round over the whole model, so a resumed
//     run ends with the model an uninterrupted one gives, byte for byte.
//   - table.go, progress.go, curves.go: the table of trials as HTML and
//     text, live progress through a Display (the kernel's in-place
//     update, throttled to every 0.5 s) or a Terminal, and the trials'
//     learning curves.
//
// A minimal run in process:
//
//	h, _ := gbdt.NewLocalHolder(shards, 0) // "train" and "val" shards
//	res, err := tune.Run(ctx, []gbdt.Holder{h}, tune.Options{Dir: "ray_results"})
//	fmt.Println(res) // the trial table; res.BestModel is tune_best
package tune
