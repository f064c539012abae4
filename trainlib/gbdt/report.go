package gbdt

import (
	"math/bits"

	"github.com/gotrain/gotrain/trainlib/model"
)

// EvalValue is one metric on one eval set after a round.
type EvalValue struct {
	Set    string
	Metric string
	Value  float64
}

// RoundReport tells a Callback how a round went.
type RoundReport struct {
	// Round counts from 0 over the whole model (a continued training's
	// first round is the number of trees it continued); Rounds is the
	// round count it will reach: num_boost_round, plus those trees.
	Round, Rounds int
	Evals         []EvalValue
	// BestIteration and BestScore follow early stopping's choice so far
	// (BestIteration is -1 without eval sets).
	BestIteration int
	BestScore     float64
	// Tree is the tree this round added.
	Tree *model.Tree
	// Model is the model so far (this round's tree included), as
	// XGBoost's callbacks receive the Booster. It is the one Train
	// returns and changes in later rounds: read it during the call only.
	Model *model.Model
}

// Callback is called after every round; returning true stops training
// (the model keeps the trees built so far).
type Callback func(r RoundReport) (stop bool)

// History is the per-round metric history, as XGBoost's evals_result:
// History[set][metric][round].
type History map[string]map[string][]float64

// Traffic counts the bytes the driver exchanged with holders, measured as
// protobuf would encode the messages (packed zig-zag varints).
type Traffic struct {
	Trees      int
	HistBytes  int64
	SplitBytes int64
	TreeBytes  int64
	GradBytes  int64
}

// PerTree returns the average bytes per tree received and sent.
func (t Traffic) PerTree() float64 {
	if t.Trees == 0 {
		return 0
	}
	return float64(t.HistBytes+t.SplitBytes+t.TreeBytes+t.GradBytes) / float64(t.Trees)
}

// varintLen is the length of v as a protobuf zig-zag varint.
func varintLen(v int64) int64 {
	u := uint64(v<<1) ^ uint64(v>>63)
	// 7 bits a byte; 0 takes one byte. (bits+6)/7 without a loop: the
	// driver sizes every histogram value of every node.
	return int64(bits.Len64(u|1)+6) / 7
}

// wireSize is the bytes a node histogram takes on the wire: its values as
// varints and 24 bytes of framing.
func (h *NodeHist) wireSize() int64 {
	n := int64(24)
	for _, v := range h.Bins {
		n += varintLen(v)
	}
	return n
}
