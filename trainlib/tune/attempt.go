package tune

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/model"
)

// modelFile is a finished trial's model in its directory.
const modelFile = "model.json"

// terminal reports whether a trial in status s will not run again.
func (s Status) terminal() bool { return s == Terminated || s == Stopped }

// dropLast forgets the last round of an unfinished checkpoint: the
// process may have died between its checkpoint and the scheduler's
// decision on it, so the round is trained again (same tree) and decided
// live.
func (c *checkpoint) dropLast() {
	if c.Rounds == 0 {
		return
	}
	c.Rounds--
	c.Trees = c.Trees[:c.Rounds]
	for k, h := range c.History {
		if len(h) > c.Rounds {
			c.History[k] = h[:c.Rounds]
		}
	}
}

// train runs one attempt of trial i from its last checkpoint and reports
// whether the scheduler stopped it.
func (r *runner) train(ctx context.Context, i int, c Config) (stopped bool, err error) {
	began := time.Now()
	ck := &checkpoint{ID: trialID(i), Index: i, Config: c, History: map[string][]float64{}}
	if r.opt.Dir != "" {
		old, err := loadCheckpoint(r.opt.Dir, ck.ID)
		if err != nil {
			return false, err
		}
		if old != nil {
			ck = old
			ck.Config = c
			ck.dropLast()
			if ck.History == nil {
				ck.History = map[string][]float64{}
			}
		}
	}
	prior := ck.Elapsed
	p, err := r.trialParams(c)
	if err != nil {
		return false, err
	}
	total := p.NumBoostRound
	p.NumBoostRound = total - ck.Rounds
	var saveErr error
	sess := gbdt.SessionID(fmt.Sprintf("tune-%s-%s-f%d", ck.ID, r.nonce, ck.Failures))
	opt := gbdt.Options{Evals: r.opt.Evals, FeatureNames: r.opt.FeatureNames, Categories: r.opt.Categories, Session: sess,
		InitModel: ck.initModel(p.Objective),
		Callback: func(rep gbdt.RoundReport) bool {
			round := rep.Round
			var nv []namedValue
			for _, e := range rep.Evals {
				name := e.Set + "-" + e.Metric
				nv = append(nv, namedValue{name, e.Value})
				ck.History[name] = append(ck.History[name], e.Value)
			}
			ck.Rounds++
			ck.Trees = append(ck.Trees, *rep.Tree)
			ck.BaseScore, ck.NumFeature = rep.Model.BaseScore, rep.Model.NumFeature
			ck.Status, ck.Elapsed = Running, prior+time.Since(began)
			if r.opt.Dir != "" {
				if err := ck.save(r.opt.Dir); err != nil {
					saveErr = err
					return true
				}
			}
			reply := make(chan bool, 1)
			r.events <- event{trial: i, round: round, metrics: nv, reply: reply}
			stop := <-reply
			stopped = stop && ck.Rounds < total
			return stop
		}}
	res, err := gbdt.Train(ctx, p, r.holders, opt)
	if err == nil {
		err = saveErr
	}
	ck.Elapsed = prior + time.Since(began)
	if err != nil {
		if ctx.Err() == nil && r.opt.Dir != "" {
			ck.Failures++
			ck.Status, ck.Err = Errored, err.Error()
			if serr := ck.save(r.opt.Dir); serr != nil {
				return false, fmt.Errorf("%w (and %v)", err, serr)
			}
		}
		return false, err
	}
	m := res.Model
	r.mu.Lock()
	r.models[i] = m
	r.mu.Unlock()
	if r.opt.Dir != "" {
		if err := m.Save(filepath.Join(trialDir(r.opt.Dir, ck.ID), modelFile)); err != nil {
			return false, fmt.Errorf("tune: trial %s: %w", ck.ID, err)
		}
		ck.Status = Terminated
		if stopped {
			ck.Status = Stopped
		}
		if err := ck.save(r.opt.Dir); err != nil {
			return false, err
		}
	}
	return stopped, nil
}

// bestModel returns trial t's model, from memory or its directory.
func (r *runner) bestModel(t *Trial) (*model.Model, error) {
	r.mu.Lock()
	m := r.models[t.Index]
	r.mu.Unlock()
	if m != nil || r.opt.Dir == "" {
		return m, nil
	}
	m, err := model.Load(filepath.Join(trialDir(r.opt.Dir, t.ID), modelFile))
	if err != nil {
		return nil, fmt.Errorf("tune: best trial %s: %w; delete its directory to train it again", t.ID, err)
	}
	return m, nil
}
