package track

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// maxGroupEntities bounds how many metrics, params and tags of consecutive
// log calls the sender folds into one send (split again by splitBatch).
const maxGroupEntities = 5000

// sendLoop is the sender goroutine: it sends calls in spool order, first
// those an earlier process left unsent, then new ones from the queue, and
// from the spool again after the queue overflowed.
func (t *MLflow) sendLoop(ctx context.Context) {
	defer close(t.done)
	a := newApplier(t.client, t.opt.Dir)
	for _, c := range t.start.calls {
		if ack, ok := t.start.acked[c.Seq]; ok {
			a.learn(c, ack)
		}
	}
	backlog := t.start.pending()
	for _, c := range backlog {
		a.tried[c.Seq] = true // an earlier process may have sent it
	}
	t.start = nil
	var last int64
	var held *record
	down := false
	for {
		if ctx.Err() != nil {
			return
		}
		var calls []record
		switch {
		case len(backlog) > 0:
			calls, backlog = takeGroup(backlog)
		case held != nil:
			calls, held = t.groupFromQueue(*held)
		default:
			select {
			case r := <-t.queue:
				calls, held = t.groupFromQueue(r)
			default:
			}
		}
		if calls == nil && t.catchUp(last, &backlog) {
			continue
		}
		if calls == nil {
			select {
			case r := <-t.queue:
				calls, held = t.groupFromQueue(r)
			case <-t.closing:
				if len(t.queue) == 0 && !t.overflowed() {
					return
				}
				continue
			case <-ctx.Done():
				return
			}
		}
		if calls[len(calls)-1].Seq <= last {
			continue // already read back from the spool
		}
		if !t.sendWithRetry(ctx, a, calls, &down) {
			return
		}
		last = calls[len(calls)-1].Seq
	}
}

// overflowed reports whether calls went to the spool only.
func (t *MLflow) overflowed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.overflow
}

// catchUp reads back from the spool the calls after last that skipped the
// full queue. It returns true when it found some (now in backlog). When the
// sender has caught up with everything written, it leaves overflow mode.
func (t *MLflow) catchUp(last int64, backlog *[]record) bool {
	if !t.overflowed() {
		return false
	}
	// Drain what is still queued first: it precedes the spilled calls.
	if len(t.queue) > 0 {
		return false
	}
	t.mu.Lock()
	written := t.seq
	if written == last {
		t.overflow = false
		t.mu.Unlock()
		return false
	}
	t.mu.Unlock()
	st, err := readSpool(t.opt.Dir)
	if err != nil {
		t.report(fmt.Sprintf("mlflow: cannot read back the spool: %v", err))
		return false
	}
	for _, c := range st.pending() {
		if c.Seq > last && c.Seq <= written {
			*backlog = append(*backlog, c)
		}
	}
	return len(*backlog) > 0
}

// groupFromQueue starts a group with r and, for a log call, adds the log
// calls already waiting, of any run (trials running side by side
// interleave theirs). The first call that does not fit is returned as held.
func (t *MLflow) groupFromQueue(r record) ([]record, *record) {
	calls := []record{r}
	if r.Kind != kindLog {
		return calls, nil
	}
	n := entities(r)
	for n < maxGroupEntities {
		select {
		case next := <-t.queue:
			if next.Kind != kindLog {
				return calls, &next
			}
			calls = append(calls, next)
			n += entities(next)
		default:
			return calls, nil
		}
	}
	return calls, nil
}

// takeGroup is groupFromQueue for a slice of calls.
func takeGroup(calls []record) ([]record, []record) {
	i, n := 1, entities(calls[0])
	if calls[0].Kind == kindLog {
		for i < len(calls) && calls[i].Kind == kindLog && n < maxGroupEntities {
			n += entities(calls[i])
			i++
		}
	}
	return calls[:i], calls[i:]
}

func entities(r record) int { return len(r.Metrics) + len(r.Params) + len(r.Tags) }

// sendWithRetry sends calls until the server accepts or refuses them,
// backing off exponentially while it cannot be reached. The first failure
// of an outage and the recovery are reported, once each. It returns false
// when ctx ended first; the calls then stay unacknowledged in the spool.
func (t *MLflow) sendWithRetry(ctx context.Context, a *applier, calls []record, down *bool) bool {
	wait := t.opt.MinBackoff
	for {
		ack, err := a.apply(ctx, calls)
		if err == nil {
			if *down {
				*down = false
				t.report(fmt.Sprintf("mlflow: %s answers again; sending the spooled tracking calls", t.URL()))
			}
			if err := t.sp.append(ack); err != nil {
				t.report(fmt.Sprintf("mlflow: %v (the calls may be sent again by a replay; MLflow ignores exact repeats)", err))
				return true
			}
			removeBlobs(t.opt.Dir, calls)
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		if !retryable(err) {
			if parts := splitByRun(calls); len(parts) > 1 {
				// Find the run the server refuses; send the others.
				for _, p := range parts {
					if !t.sendWithRetry(ctx, a, p, down) {
						return false
					}
				}
				return true
			}
			ack.Error = err.Error()
			if serr := t.sp.append(ack); serr != nil {
				t.report(fmt.Sprintf("mlflow: %v", serr))
			}
			t.report(fmt.Sprintf("mlflow: the server refused a tracking call (%s of run %s), which is dropped: %v", calls[0].Kind, calls[0].Run, err))
			return true
		}
		if !*down {
			*down = true
			t.report(fmt.Sprintf("mlflow: cannot reach %s (%v); training carries on, tracking calls are kept in %s and retried with back-off",
				t.URL(), err, t.sp.path))
		}
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return false
		}
		wait = min(2*wait, t.opt.MaxBackoff)
	}
}

// removeBlobs deletes the spooled copies of acknowledged artifacts.
func removeBlobs(dir string, calls []record) {
	for _, c := range calls {
		if c.Kind == kindArtifact && c.File != "" {
			_ = os.Remove(filepath.Join(dir, c.File))
		}
		for _, f := range c.Files {
			_ = os.Remove(filepath.Join(dir, f.File))
		}
	}
}

// splitByRun cuts a group of log calls into one group per run, each in its
// original order, runs in order of first appearance.
func splitByRun(calls []record) [][]record {
	idx := map[string]int{}
	var out [][]record
	for _, c := range calls {
		i, ok := idx[c.Run]
		if !ok {
			i = len(out)
			idx[c.Run] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], c)
	}
	return out
}
