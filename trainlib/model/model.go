package model

// Objectives this package predicts for (and package gbdt trains).
const (
	BinaryLogistic   = "binary:logistic"
	RegSquaredError  = "reg:squarederror"
	RegAbsoluteError = "reg:absoluteerror"
	RegPseudoHuber   = "reg:pseudohubererror"
	RegQuantile      = "reg:quantileerror"
	CountPoisson     = "count:poisson"
	RegGamma         = "reg:gamma"
	RegTweedie       = "reg:tweedie"
	MultiSoftprob    = "multi:softprob"
	MultiSoftmax     = "multi:softmax"
)

// NoParent is the Parent of a root node, as XGBoost writes it.
const NoParent = 2147483647

// Tree is one regression tree as parallel node arrays indexed by node id.
// Node 0 is the root. For a leaf, Left and Right are -1 and SplitCondition
// holds the leaf value (already scaled by the learning rate).
type Tree struct {
	Left, Right    []int32
	Parent         []int32
	SplitFeature   []int32
	SplitCondition []float32
	// DefaultLeft says where a missing value goes at each split.
	DefaultLeft []bool
	// BaseWeight is the node's weight before the split (the leaf value it
	// would have), LossChange the split's gain, SumHessian its cover.
	BaseWeight []float32
	LossChange []float32
	SumHessian []float32
	// SplitType is 1 at a categorical split, 0 at a numeric one; nil
	// when every split is numeric. Categories holds, at a categorical
	// split, the sorted category codes sent right (all others, unseen
	// ones included, go left; a missing value goes the default way), as
	// XGBoost's partition-based splits; nil elsewhere (categorical.go).
	SplitType  []uint8
	Categories [][]int32
}

// Outputs returns the number of model outputs: predictions per row before
// multi:softmax picks a class, and trees per boosting round.
func (m *Model) Outputs() int { return max(1, len(m.BaseScores)) }

// NumNodes returns the number of nodes in t.
func (t *Tree) NumNodes() int { return len(t.Left) }

// IsLeaf reports whether node n is a leaf.
func (t *Tree) IsLeaf(n int) bool { return t.Left[n] < 0 }

// Model is a trained boosted forest.
type Model struct {
	// Objective is BinaryLogistic or RegSquaredError.
	Objective string
	// BaseScore is the global bias in the objective's output space (a
	// probability for BinaryLogistic), as XGBoost's base_score.
	BaseScore float64
	// BaseScores holds one base_score per output for a model with several
	// (the classes of a multi-class model, in margin space as XGBoost
	// keeps them; the alphas of a quantile model), nil for one output.
	// Tree i then adds to output i mod len(BaseScores), as XGBoost's
	// tree_info numbers one tree per output and round.
	BaseScores []float64
	// NumClass is num_class of a multi-class model, 0 otherwise.
	NumClass int
	// FeatureNames and FeatureTypes describe the input columns; NumFeature
	// is their count (names may be absent in models from elsewhere).
	FeatureNames []string
	FeatureTypes []string
	NumFeature   int
	// Categories holds, per feature, the names of a categorical feature's
	// categories by code (code i is Categories[f][i]); nil for numeric
	// features, and nil as a whole when the categories are bare codes.
	// Model files keep them as XGBoost 3.x does ("cats"), so a model
	// trained on text predicts from text.
	Categories [][]string
	// categoryKinds remembers, per feature, XGBoost's value type of
	// numeric categories read from a file (0 for text), to write them
	// back the same way.
	categoryKinds []int64
	Trees         []Tree
	// BestIteration is the best round found by early stopping, or -1.
	BestIteration int
	// BestScore is the eval metric at BestIteration.
	BestScore float64
	// Params records the training parameters (XGBoost's names and values
	// as strings), written into and read from model files' configuration.
	Params map[string]string
	// Attributes are free-form string attributes saved with the model.
	Attributes map[string]string
}
