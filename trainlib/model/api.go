package model

// PredictOptions choose what Predict returns.
type PredictOptions struct {
	// Margin returns raw scores instead of the objective's transformed output.
	Margin bool
	// IterationEnd uses trees [0, IterationEnd); 0 means up to the best
	// iteration after early stopping, or all trees.
	IterationEnd int
}

// Importance kinds, as XGBoost names them.
const (
	Weight     = "weight"
	Gain       = "gain"
	Cover      = "cover"
	TotalGain  = "total_gain"
	TotalCover = "total_cover"
)

// ContribMethod chooses how Contributions attributes a prediction.
type ContribMethod int

const (
	// TreeSHAP gives exact SHAP values (XGBoost's pred_contribs).
	TreeSHAP ContribMethod = iota
	// DecisionPath gives the path-based values (XGBoost's approx_contribs,
	// what ELI5 shows).
	DecisionPath
)

// String returns the method's name as XGBoost's option spells it.
func (c ContribMethod) String() string {
	switch c {
	case TreeSHAP:
		return "pred_contribs"
	case DecisionPath:
		return "approx_contribs"
	}
	return "unknown"
}
