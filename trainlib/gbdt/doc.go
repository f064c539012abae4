// Package gbdt trains XGBoost-compatible gradient-boosted trees
// (depth-wise histogram trees, the "hist" method) and produces a
// *model.Model.
//
// The pieces fit together like this:
//
//   - Params holds the training parameters under XGBoost's names and
//     defaults; ParseParams reads them from "k=v" strings.
//   - The data lives in shards held by one or more Holders (backend.go).
//     A Holder summarises its shards for quantile cuts, bins them once,
//     and per boosting round computes gradients, builds gradient
//     histograms for the nodes of one tree level, routes its rows to the
//     children of the chosen splits and updates its margins. LocalHolder
//     is the in-process implementation; the cluster package implements the
//     same interface over the network.
//   - The driver (Train) owns the algorithm: it merges the summaries into
//     cuts, sums histograms, picks splits, builds the trees and decides
//     when to stop. It keeps no data, so it does not care how many holders
//     there are or which shard lives where.
//
// Training continues from an existing model (Options.InitModel, as
// xgboost.train's xgb_model) with the margins rebuilt from its trees and
// rounds numbered over the whole model (continue.go), so a continued
// training gives the uninterrupted one's model.
//
// Histograms are sums of quantised gradients in int64 fixed point, so they
// do not depend on the order in which rows are added: training on the same
// shard list gives a byte-identical model whatever the number of holders
// and threads.
package gbdt
