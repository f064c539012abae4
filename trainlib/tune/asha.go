package tune

import (
	"fmt"
	"math"
	"slices"
)

// ASHA is asynchronous successive halving (Li et al. 2018, Ray's
// ASHAScheduler): rungs sit at GracePeriod·ReductionFactor^k rounds below
// MaxRounds. A trial reaching a rung is stopped unless its score is in the
// best 1/ReductionFactor of the scores recorded at that rung so far.
type ASHA struct {
	GracePeriod     int
	ReductionFactor float64
	MaxRounds       int
	rungs           []int             // milestones in rounds, ascending
	recorded        map[int][]float64 // milestone → scores seen there
}

// NewASHA returns an ASHA scheduler; Ray's defaults are grace 1,
// reduction factor 4.
func NewASHA(grace int, reduction float64, maxRounds int) (*ASHA, error) {
	if grace < 1 || reduction < 2 || maxRounds < grace {
		return nil, fmt.Errorf("tune: ASHA needs grace_period ≥ 1, reduction_factor ≥ 2 and max_t ≥ grace_period, got %d, %g, %d", grace, reduction, maxRounds)
	}
	a := &ASHA{GracePeriod: grace, ReductionFactor: reduction, MaxRounds: maxRounds, recorded: map[int][]float64{}}
	for m := float64(grace); m < float64(maxRounds); m *= reduction {
		a.rungs = append(a.rungs, int(m))
	}
	return a, nil
}

// Rungs returns the milestones (rounds done) at which trials are judged.
func (a *ASHA) Rungs() []int { return slices.Clone(a.rungs) }

// OnResult implements Scheduler.
func (a *ASHA) OnResult(trial, round int, score float64) bool {
	done := round + 1
	if done >= a.MaxRounds {
		return true
	}
	if !slices.Contains(a.rungs, done) {
		return false
	}
	if math.IsNaN(score) {
		return true
	}
	a.recorded[done] = append(a.recorded[done], score)
	return score > a.cutoff(a.recorded[done])
}

// cutoff is the score at the 1/ReductionFactor quantile of recorded,
// linearly interpolated as numpy's percentile.
func (a *ASHA) cutoff(recorded []float64) float64 {
	s := slices.Clone(recorded)
	slices.Sort(s)
	pos := float64(len(s)-1) / a.ReductionFactor
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(s)-1)
	return s[lo] + (pos-float64(lo))*(s[hi]-s[lo])
}
