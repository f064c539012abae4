package tune

import (
	"fmt"
	"math"
	"time"
)

// Status is where a trial stands.
type Status string

// Trial statuses, as Ray names them.
const (
	Pending    Status = "PENDING"
	Running    Status = "RUNNING"
	Terminated Status = "TERMINATED" // ran all its rounds
	Stopped    Status = "STOPPED"    // stopped early by the scheduler
	Errored    Status = "ERROR"      // failed more than max_failures times
)

// Trial is one configuration's training and what it gave so far.
type Trial struct {
	ID     string
	Index  int
	Config Config
	Status Status
	// Rounds is the number of boosting rounds done.
	Rounds int
	// History holds every metric per round, keyed "val-error", ….
	History map[string][]float64
	// Failures counts failed attempts; Err is the last failure.
	Failures int
	Err      string
	// Started is when the current attempt began; Elapsed the time spent
	// training in earlier attempts and runs (resumed work included).
	Started time.Time
	Elapsed time.Duration
}

// Last returns metric's latest value, or NaN.
func (t *Trial) Last(metric string) float64 {
	h := t.History[metric]
	if len(h) == 0 {
		return math.NaN()
	}
	return h[len(h)-1]
}

// done reports whether the trial will not run again.
func (t *Trial) done() bool {
	return t.Status == Terminated || t.Status == Stopped || t.Status == Errored
}

// machine is the tuner's logic with no I/O: it hands out trials to run,
// takes their round results and ends, and decides stops and retries.
// One goroutine owns it.
type machine struct {
	searcher    Searcher
	sched       Scheduler
	metric      string
	sign        float64 // 1 to minimise, -1 to maximise
	maxConc     int
	maxFailures int
	trials      []*Trial
	exhausted   bool
	running     int
}

// score turns a metric value into "lower is better".
func (m *machine) score(v float64) float64 { return m.sign * v }

// add appends trial t (new or loaded from a checkpoint).
func (m *machine) add(t *Trial) { m.trials = append(m.trials, t) }

// launch returns the trials to start now: pending ones first (retries
// and resumed trials), then new suggestions, up to max concurrency.
func (m *machine) launch(now time.Time) []*Trial {
	var out []*Trial
	for _, t := range m.trials {
		if m.running >= m.maxConc {
			return out
		}
		if t.Status == Pending {
			t.Status, t.Started = Running, now
			m.running++
			out = append(out, t)
		}
	}
	for !m.exhausted && m.running < m.maxConc {
		i := len(m.trials)
		c, ok := m.searcher.Suggest(i)
		if !ok {
			m.exhausted = true
			break
		}
		t := &Trial{ID: trialID(i), Index: i, Config: c, Status: Running, Started: now, History: map[string][]float64{}}
		m.trials = append(m.trials, t)
		m.running++
		out = append(out, t)
	}
	return out
}

func trialID(i int) string { return fmt.Sprintf("t%04d", i) }

// result records trial i's metrics after round and returns true when the
// scheduler stops it.
func (m *machine) result(i, round int, metrics []namedValue) bool {
	t := m.trials[i]
	for _, nv := range metrics {
		h := t.History[nv.Name]
		if len(h) > round {
			h = h[:round]
		}
		t.History[nv.Name] = append(h, nv.Value)
	}
	t.Rounds = round + 1
	v := math.NaN()
	for _, nv := range metrics {
		if nv.Name == m.metric {
			v = nv.Value
		}
	}
	return m.sched.OnResult(i, round, m.score(v))
}

// end records the end of trial i's attempt: stopped tells a scheduler
// stop from a full run; err a failure, retried while failures allow;
// interrupted leaves the trial pending for a later resume.
func (m *machine) end(i int, now time.Time, stopped bool, err error, interrupted bool) {
	t := m.trials[i]
	m.running--
	t.Elapsed += now.Sub(t.Started)
	switch {
	case interrupted:
		t.Status = Pending
	case err != nil:
		t.Failures++
		t.Err = err.Error()
		t.Status = Pending
		if t.Failures > m.maxFailures {
			t.Status = Errored
		}
	case stopped:
		t.Status = Stopped
	default:
		t.Status = Terminated
	}
	if t.done() && t.Status != Errored {
		m.searcher.Observe(i, t.Config, m.score(t.Last(m.metric)))
	}
}

// finished reports whether no trial runs or waits and none will come.
func (m *machine) finished() bool {
	if m.running > 0 || !m.exhausted {
		return false
	}
	for _, t := range m.trials {
		if !t.done() {
			return false
		}
	}
	return true
}

// best returns the finished trial with the best final metric, or nil.
func (m *machine) best() *Trial { return m.bestOf(func(t *Trial) bool { return t.Status != Errored }) }

// bestFinished is the best trial that ran to its end (or was stopped by
// the scheduler): one with a model. An interrupted run's unfinished trials
// resume from their checkpoints and have none yet.
func (m *machine) bestFinished() *Trial {
	return m.bestOf(func(t *Trial) bool { return t.Status == Terminated || t.Status == Stopped })
}

// bestOf is the best trial by the metric among those ok accepts.
func (m *machine) bestOf(ok func(*Trial) bool) *Trial {
	var b *Trial
	for _, t := range m.trials {
		v := t.Last(m.metric)
		if !ok(t) || math.IsNaN(v) {
			continue
		}
		if b == nil || m.score(v) < m.score(b.Last(m.metric)) {
			b = t
		}
	}
	return b
}

// namedValue is one metric after a round, "val-error" → 0.21.
type namedValue struct {
	Name  string
	Value float64
}
