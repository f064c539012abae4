package tune

import (
	"reflect"
	"testing"
)

// On a synthetic metric where trial i scores i at every round (lower is
// better) and trials arrive in order 0..7, ASHA with grace 1 and
// reduction factor 2 keeps at each rung only trials in the best half of
// the scores recorded there so far.
func TestASHAStopsTheRightTrials(t *testing.T) {
	a, err := NewASHA(1, 2, 8)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Rungs(); !reflect.DeepEqual(got, []int{1, 2, 4}) {
		t.Fatalf("rungs %v, want [1 2 4]", got)
	}
	order := []int{3, 0, 5, 1, 7, 2, 6, 4}
	stoppedAt := map[int]int{}
	for round := range 8 {
		for _, trial := range order {
			if _, done := stoppedAt[trial]; done {
				continue
			}
			if a.OnResult(trial, round, float64(trial)) {
				stoppedAt[trial] = round + 1
			}
		}
	}
	// Worked by hand with the cutoff at the (n-1)/2 position of the
	// sorted scores recorded at the rung:
	//   rung 1 sees 3 (cutoff 3, goes on), 0 (1.5), 5 (3: stops), 1 (2),
	//   7 (3: stops), 2 (2.5), 6 (3: stops), 4 (3.5: stops);
	//   rung 2 sees 3 (3), 0 (1.5), 1 (1), 2 (1.5: stops);
	//   rung 4 sees 3, 0, 1 and lets them all go on (cutoff 3, 1.5, 1):
	//   3 survives because it arrived first, as asynchronous halving
	//   allows; all three end at max rounds.
	want := map[int]int{5: 1, 7: 1, 6: 1, 4: 1, 2: 2, 0: 8, 1: 8, 3: 8}
	if !reflect.DeepEqual(stoppedAt, want) {
		t.Fatalf("trials stopped at %v, want %v", stoppedAt, want)
	}
}

func TestFIFONeverStops(t *testing.T) {
	for r := range 100 {
		if (FIFO{}).OnResult(0, r, float64(r)) {
			t.Fatalf("FIFO stopped at round %d", r)
		}
	}
}
