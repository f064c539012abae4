package tune

import (
	"errors"
	"testing"
	"time"
)

// fixedSearcher proposes n configs {"i": index} and records observations.
type fixedSearcher struct {
	n        int
	observed []int
}

func (s *fixedSearcher) Suggest(i int) (Config, bool) {
	if i >= s.n {
		return nil, false
	}
	return Config{"i": i}, true
}

func (s *fixedSearcher) Observe(i int, _ Config, _ float64) { s.observed = append(s.observed, i) }

// The machine alone, no training: it never runs more than max
// concurrency, retries a failure while failures allow, marks the trial
// failed after that, and is finished when every trial is done.
func TestMachineConcurrencyRetriesAndEnd(t *testing.T) {
	s := &fixedSearcher{n: 3}
	m := &machine{searcher: s, sched: FIFO{}, metric: "val-error", sign: 1, maxConc: 2, maxFailures: 1}
	now := time.Unix(0, 0)
	first := m.launch(now)
	if len(first) != 2 || first[0].ID != "t0000" || first[1].ID != "t0001" {
		t.Fatalf("first launch %v, want t0000 and t0001", ids(first))
	}
	if more := m.launch(now); len(more) != 0 {
		t.Fatalf("launched %v beyond max concurrency 2", ids(more))
	}
	m.result(0, 0, []namedValue{{"val-error", 0.3}})
	m.end(0, now, false, errors.New("boom"), false) // first failure: retried
	again := m.launch(now)
	if len(again) != 1 || again[0].ID != "t0000" {
		t.Fatalf("after t0000 failed once, launched %v, want t0000 again", ids(again))
	}
	m.end(0, now, false, errors.New("boom again"), false) // second: failed
	if m.trials[0].Status != Errored || m.trials[0].Err != "boom again" {
		t.Fatalf("t0000: %s %q, want ERROR with its last error", m.trials[0].Status, m.trials[0].Err)
	}
	next := m.launch(now)
	if len(next) != 1 || next[0].ID != "t0002" {
		t.Fatalf("launched %v, want t0002", ids(next))
	}
	m.result(1, 0, []namedValue{{"val-error", 0.2}})
	m.end(1, now, false, nil, false)
	m.result(2, 0, []namedValue{{"val-error", 0.1}})
	m.end(2, now, true, nil, false)
	m.launch(now)
	if !m.finished() {
		t.Fatal("machine not finished after every trial ended")
	}
	if b := m.best(); b == nil || b.ID != "t0002" {
		t.Fatalf("best %v, want t0002", b)
	}
	if m.trials[2].Status != Stopped || m.trials[1].Status != Terminated {
		t.Fatalf("statuses %s %s, want STOPPED for the scheduler's stop, TERMINATED for a full run", m.trials[2].Status, m.trials[1].Status)
	}
	if len(s.observed) != 2 {
		t.Fatalf("searcher observed %v, want the two finished trials (not the failed one)", s.observed)
	}
}

// An interrupted attempt leaves its trial pending, not failed.
func TestMachineInterruptLeavesTrialPending(t *testing.T) {
	m := &machine{searcher: &fixedSearcher{n: 1}, sched: FIFO{}, metric: "val-error", sign: 1, maxConc: 1}
	m.launch(time.Unix(0, 0))
	m.end(0, time.Unix(1, 0), false, errors.New("context canceled"), true)
	if tr := m.trials[0]; tr.Status != Pending || tr.Failures != 0 || tr.Elapsed != time.Second {
		t.Fatalf("interrupted trial: %s, %d failures, elapsed %v; want PENDING, 0, 1s", tr.Status, tr.Failures, tr.Elapsed)
	}
}

func ids(ts []*Trial) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}
