// Package explain looks inside a trained model the way ELI5 does for
// XGBoost, in three forms each: rich output for the notebook (HTML), plain
// text for the CLI (String), and files for the batch job.
//
//   - Weights is the global explanation: each feature's share of the
//     model's total gain (ELI5's explain_weights), largest first.
//   - Prediction explains one row: each feature's value and contribution to
//     the margin, sorted by magnitude, with the bias, the margin and the
//     probability. Contributions come from TreeSHAP by default or from the
//     decision path on request (model.TreeSHAP, model.DecisionPath); they
//     always sum to the margin.
//   - Report gathers weights, predictions and importance charts into one
//     self-contained HTML page (inline CSS and images, no network fetches).
//
// The charts themselves live in the chart sub-package; WriteImportanceCharts
// writes the batch job's feature_importance_<kind>.png files with it.
//
// Values can be built from a model (ExplainWeights, ExplainRow,
// ExplainRows, NewReport) or from numbers computed elsewhere (NewWeights,
// NewPrediction), which is how the tests pin the output.
package explain
