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

// wireSize is the bytes a node histogram takes on the wire: its values as
// varints and 24 bytes of framing.
func (h *NodeHist) wireSize() int64 {
	// Every value takes a byte; non-zero ones may take more, looked up
	// by their bit length (the division's 128-bit multiply took most of
	// the time). Deep nodes' histograms are mostly zeros, skipped.
	n := int64(24 + len(h.Bins))
	for _, v := range h.Bins {
		if v != 0 {
			u := uint64(v<<1) ^ uint64(v>>63)
			n += int64(varintExtra[bits.Len64(u)&63])
		}
	}
	return n
}

// varintExtra[b] is how many bytes past the first a varint of b
// significant bits takes (b = 64 is index 0: 9 more).
var varintExtra = func() (t [64]uint8) {
	for b := range t {
		bits := b
		if b == 0 {
			bits = 64
		}
		t[b] = uint8((bits+6)/7 - 1)
	}
	return t
}()
