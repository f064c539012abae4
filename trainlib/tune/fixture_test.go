package tune

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// synthetic returns n seeded rows of 6 features whose label depends
// noisily on the first three.
func synthetic(t testing.TB, n int, seed uint64) *data.Dataset {
	r := rand.New(rand.NewPCG(seed, 1))
	rows := make([][]float64, n)
	for i := range rows {
		row := make([]float64, 7)
		for j := range 6 {
			row[j] = r.NormFloat64()
		}
		if row[0]+0.7*row[1]*row[2]+0.8*r.NormFloat64() > 0 {
			row[6] = 1
		}
		rows[i] = row
	}
	d, err := data.FromRows([]string{"a", "b", "c", "d", "e", "f", "y"}, rows, "y")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// twoHolders returns two in-process holders, each with a training and a
// validation shard, as two workers would hold them.
func twoHolders(t testing.TB) []gbdt.Holder {
	var hs []gbdt.Holder
	for i := range 2 {
		h, err := gbdt.NewLocalHolder([]gbdt.Shard{
			{Set: gbdt.TrainSet, Index: i, Data: synthetic(t, 1500, uint64(10+i))},
			{Set: "val", Index: i, Data: synthetic(t, 400, uint64(20+i))},
		}, 1)
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
	return hs
}

// testOptions are small runs: 4 trials of 8 rounds over the seed space,
// sampling rows and columns (subsample and colsample_bytree 0.8), so a
// resumed or retried trial that sampled differently would end with
// another model.
func testOptions(dir string) Options {
	p := gbdt.DefaultParams()
	p.NumBoostRound = 8
	p.Subsample, p.ColsampleTree, p.Seed = 0.8, 0.8, 7
	p.EvalMetric = []string{"logloss", "error"}
	return Options{Samples: 4, Seed: 42, Base: p, Dir: dir, MaxConcurrent: 2, CPUs: 2}
}

// hook wraps holders and calls fn before FinishTree of every session
// (fn sees the session name and round, and may fail the call).
type hook struct {
	gbdt.Holder
	fn func(ctx context.Context, sess gbdt.SessionID, round int) error
}

func (h *hook) FinishTree(ctx context.Context, req gbdt.FinishRequest) (*gbdt.EvalResponse, error) {
	if err := h.fn(ctx, req.Session, req.Round); err != nil {
		return nil, err
	}
	return h.Holder.FinishTree(ctx, req)
}

func hooked(hs []gbdt.Holder, fn func(ctx context.Context, sess gbdt.SessionID, round int) error) []gbdt.Holder {
	out := make([]gbdt.Holder, len(hs))
	for i, h := range hs {
		out[i] = &hook{Holder: h, fn: fn}
	}
	return out
}

// sessionLog records StartSession and EndSession calls in order.
type sessionLog struct {
	gbdt.Holder
	mu     *sync.Mutex
	events *[]string
}

func (s *sessionLog) StartSession(ctx context.Context, req gbdt.StartRequest) error {
	s.mu.Lock()
	*s.events = append(*s.events, "start "+string(req.Session))
	if len(req.Trees) > 0 {
		*s.events = append(*s.events, fmt.Sprintf("continue %s from %d trees", trialOf(req.Session), len(req.Trees)))
	}
	s.mu.Unlock()
	return s.Holder.StartSession(ctx, req)
}

func (s *sessionLog) EndSession(ctx context.Context, id gbdt.SessionID) error {
	s.mu.Lock()
	*s.events = append(*s.events, "end "+string(id))
	s.mu.Unlock()
	return s.Holder.EndSession(ctx, id)
}

// trialOf extracts the trial id from a session name tune-<id>-….
func trialOf(sess gbdt.SessionID) string {
	parts := strings.Split(string(sess), "-")
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}
