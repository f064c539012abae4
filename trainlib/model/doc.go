// Package model holds a trained forest of boosted trees in the shape XGBoost
// stores it, so that model files convert without loss: node arrays numbered
// breadth-first, the right child next to the left one, leaf values in
// SplitCondition. It predicts, reads and writes XGBoost JSON and UBJSON, and
// computes feature importance and per-prediction contributions.
//
// The learner in package gbdt produces a *Model; explanations, the cluster and
// tracking only read one.
//
// The pieces, one file each:
//
//   - predict.go: Predict and PredictRow sum leaf values in float32, tree by
//     tree, from the base margin, as XGBoost does, so results agree to the
//     last bits; rows are scored in parallel batches.
//   - contrib.go, treeshap.go: Contributions, exact TreeSHAP
//     (pred_contribs) and the decision-path values (approx_contribs).
//   - importance.go: the five importance kinds of XGBoost's get_score.
//   - file.go: Save, Load, Read and Write choose JSON or UBJSON;
//     xgbread.go and xgbwrite.go map a Model to XGBoost's document layout;
//     jsoncodec.go and ubjson.go encode and decode the two formats;
//     document.go has the document tree and the typed accessors that name
//     the path of a malformed field.
//   - validate.go: the structural checks every loaded model passes, so
//     prediction never indexes out of range or loops.
//
// Files written here load in XGBoost 3.2 and 1.7; files XGBoost 3.x and 1.7
// write load here. testdata/gen_fixtures.py (and gen_fixtures_17.py) make
// the reference values the tests compare with.
package model
