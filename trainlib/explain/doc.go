// Package explain looks inside a trained model the way ELI5 does for
// XGBoost, in three forms each: rich output for the notebook (HTML, PNG),
// plain text for the CLI (String), and files for the batch job.
//
//   - Weights is the global explanation: each feature's share of the
//     model's total gain (ELI5's explain_weights), largest first.
//   - Prediction explains one row: each feature's value and contribution to
//     the margin, sorted by magnitude, with the bias, the margin and the
//     probability, green where a feature raises the score and red where it
//     lowers it. Contributions come from TreeSHAP by default or from the
//     decision path on request (model.TreeSHAP, model.DecisionPath); they
//     always sum to the margin. Prediction.Chart draws them as signed bars.
//   - Report gathers importance charts, weights and predictions into one
//     self-contained HTML page (inline CSS, images as data URLs, nothing
//     fetched from the network).
//   - TuningChart draws a tuning run's trial results (package track's
//     records) against the tuned parameters.
//
// The charts themselves live in the chart sub-package. For the batch job,
// WriteImportanceCharts writes feature_importance_gain.png,
// feature_importance_weight.png and feature_importance_cover.png (each its
// own kind) and WriteExplanation writes explanation.html.
//
// Values can be built from a model (ExplainWeights, ExplainRow,
// ExplainRows, NewReport) or from numbers computed elsewhere (NewWeights,
// NewPrediction), which is how the tests pin the output.
package explain
