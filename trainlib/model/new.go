package model

// New returns a model with no trees yet for the objective, base score (in
// the objective's output space, a probability for BinaryLogistic) and
// feature count. BestIteration starts at -1 (no early stopping): a zero
// Model{} would instead mean "best iteration 0" and predict with one tree.
func New(objective string, baseScore float64, numFeature int) *Model {
	return &Model{
		Objective:     objective,
		BaseScore:     baseScore,
		NumFeature:    numFeature,
		BestIteration: -1,
		Params:        map[string]string{},
		Attributes:    map[string]string{},
	}
}
