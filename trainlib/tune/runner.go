package tune

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/model"
)

// runner wires the machine to training: one goroutine (loop) owns the
// machine and the trials; each running trial has a goroutine that trains
// and talks to loop through events.
type runner struct {
	opt     Options
	holders []gbdt.Holder
	m       *machine
	events  chan event
	mu      sync.Mutex // guards models
	models  map[int]*model.Model
	// nonce keeps session names of this run apart from those a killed
	// earlier run may have left on remote holders.
	nonce string
}

// event is a round result (reply non-nil) or an attempt's end.
type event struct {
	trial   int
	round   int
	metrics []namedValue
	reply   chan bool
	end     bool
	stopped bool
	err     error
}

// resume loads the experiment directory's trials into the machine.
func (r *runner) resume() error {
	if r.opt.Dir == "" {
		return nil
	}
	cks, err := loadTrials(r.opt.Dir, r.opt.Space)
	if err != nil {
		return err
	}
	for _, c := range cks {
		t := &Trial{ID: c.ID, Index: c.Index, Config: c.Config, Status: c.Status, Rounds: c.Rounds,
			History: c.History, Failures: c.Failures, Err: c.Err, Elapsed: c.Elapsed}
		if t.History == nil {
			t.History = map[string][]float64{}
		}
		if !c.Status.terminal() {
			c.dropLast()
			t.Rounds, t.History = c.Rounds, c.History
		}
		for round := range c.Rounds {
			var nv []namedValue
			if h := c.History[r.opt.Metric]; round < len(h) {
				nv = append(nv, namedValue{r.opt.Metric, h[round]})
			}
			r.m.sched.OnResult(c.Index, round, r.m.score(valueOf(nv, r.opt.Metric)))
		}
		if t.Status == Errored && t.Failures <= r.opt.MaxFailures {
			t.Status = Pending // more retries allowed now
		}
		if !t.done() {
			t.Status = Pending
		}
		r.m.add(t)
		if t.done() && t.Status != Errored {
			r.m.searcher.Observe(t.Index, t.Config, r.m.score(t.Last(r.opt.Metric)))
		}
	}
	return nil
}

func sortedKeys(c Config) []string {
	ks := make([]string, 0, len(c))
	for k := range c {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func valueOf(nv []namedValue, name string) float64 {
	for _, v := range nv {
		if v.Name == name {
			return v.Value
		}
	}
	return math.NaN()
}

// loop runs trials until all are done or ctx is cancelled.
func (r *runner) loop(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	prog := newThrottle(r.opt.Display, r.opt.UpdateEvery, r.opt.Metric, r.opt.Base.NumBoostRound)
	prog.chart = r.opt.Chart
	start := func() {
		for _, t := range r.m.launch(time.Now()) {
			wg.Add(1)
			go func(i int, c Config) {
				defer wg.Done()
				r.attempt(ctx, i, c)
			}(t.Index, t.Config)
		}
	}
	start()
	prog.update(r.m.trials, r.m.best(), time.Now(), true)
	for !r.m.finished() {
		if r.m.running == 0 {
			if err := ctx.Err(); err != nil {
				prog.update(r.m.trials, r.m.best(), time.Now(), true)
				return err
			}
			start()
			continue
		}
		ev := <-r.events
		if ev.end {
			interrupted := ctx.Err() != nil && ev.err != nil && errors.Is(ev.err, ctx.Err())
			r.m.end(ev.trial, time.Now(), ev.stopped, ev.err, interrupted)
			if t := r.m.trials[ev.trial]; t.done() && r.opt.OnTrialEnd != nil {
				r.opt.OnTrialEnd(t)
			}
			if ctx.Err() == nil {
				start()
			}
		} else {
			ev.reply <- r.m.result(ev.trial, ev.round, ev.metrics)
		}
		prog.update(r.m.trials, r.m.best(), time.Now(), false)
	}
	prog.update(r.m.trials, r.m.best(), time.Now(), true)
	return ctx.Err()
}

// attempt trains trial i once, continuing from its checkpoint, and sends
// its end to loop.
func (r *runner) attempt(ctx context.Context, i int, c Config) {
	stopped, err := r.train(ctx, i, c)
	r.events <- event{trial: i, end: true, stopped: stopped, err: err}
}

// trialParams applies a config to the base parameters.
func (r *runner) trialParams(c Config) (gbdt.Params, error) {
	p := r.opt.Base
	for _, k := range sortedKeys(c) {
		if err := p.Set(k, formatValue(c[k])); err != nil {
			return p, fmt.Errorf("tune: parameter %s=%v: %w", k, c[k], err)
		}
	}
	if p.NThread == 0 {
		p.NThread = max(1, r.opt.CPUs/r.opt.MaxConcurrent)
	}
	return p, nil
}
