package tune

import (
	"context"
	"slices"
	"sync"

	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// shared wraps a holder for the whole tuning run so that every trial
// reuses one answer to Summaries: the quantile sketch of the training
// shards is computed once per run (per max_bin), not once per trial.
// Binning is already once per cuts fingerprint on the holder itself.
type shared struct {
	gbdt.Holder
	mu   sync.Mutex
	sums map[gbdt.SummaryRequest][]gbdt.ShardSummary
}

func shareHolders(hs []gbdt.Holder) []gbdt.Holder {
	out := make([]gbdt.Holder, len(hs))
	for i, h := range hs {
		out[i] = &shared{Holder: h, sums: map[gbdt.SummaryRequest][]gbdt.ShardSummary{}}
	}
	return out
}

// Summaries implements gbdt.Holder, computing each request once. The
// lock is held while computing so concurrent trials wait for the first
// answer instead of sketching the data again.
func (s *shared) Summaries(ctx context.Context, req gbdt.SummaryRequest) ([]gbdt.ShardSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if got, ok := s.sums[req]; ok {
		return slices.Clone(got), nil
	}
	got, err := s.Holder.Summaries(ctx, req)
	if err != nil {
		return nil, err
	}
	s.sums[req] = got
	return slices.Clone(got), nil
}
