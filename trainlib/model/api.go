package model

import (
	"errors"

	"github.com/gotrain/gotrain/trainlib/data"
)

// errTODO marks API that the model package has yet to implement.
var errTODO = errors.New("model: not implemented yet")

// PredictOptions choose what Predict returns.
type PredictOptions struct {
	// Margin returns raw scores instead of the objective's transformed output.
	Margin bool
	// IterationEnd uses trees [0, IterationEnd); 0 means up to the best
	// iteration after early stopping, or all trees.
	IterationEnd int
}

// Predict scores every row of x, in parallel batches.
func (m *Model) Predict(x *data.Matrix, opt PredictOptions) ([]float32, error) {
	return nil, errTODO
}

// PredictRow scores one row.
func (m *Model) PredictRow(row []float32, opt PredictOptions) (float32, error) {
	return 0, errTODO
}

// Importance kinds, as XGBoost names them.
const (
	Weight     = "weight"
	Gain       = "gain"
	Cover      = "cover"
	TotalGain  = "total_gain"
	TotalCover = "total_cover"
)

// Importance returns XGBoost's feature importance of the given kind, keyed by
// feature name (f0, f1, … when the model has none). Features no split uses
// are absent. gain and cover are per-split averages, total_* their sums.
func (m *Model) Importance(kind string) (map[string]float64, error) {
	return nil, errTODO
}

// ContribMethod chooses how Contributions attributes a prediction.
type ContribMethod int

const (
	// TreeSHAP gives exact SHAP values (XGBoost's pred_contribs).
	TreeSHAP ContribMethod = iota
	// DecisionPath gives the path-based values (XGBoost's approx_contribs,
	// what ELI5 shows).
	DecisionPath
)

// Contributions returns, for each row of x, one value per feature followed by
// the bias: x.Rows × (NumFeature+1). Each row sums to the row's margin.
func (m *Model) Contributions(x *data.Matrix, method ContribMethod, opt PredictOptions) (*data.Matrix, error) {
	return nil, errTODO
}

// Save writes m to path in XGBoost's format chosen by the extension: .json
// for JSON, .ubj and .xgb for UBJSON.
func (m *Model) Save(path string) error { return errTODO }

// Load reads an XGBoost model file (JSON or UBJSON, detected from content).
func Load(path string) (*Model, error) { return nil, errTODO }
