package track

import (
	"context"
	"fmt"
)

// SyncResult counts what Sync did.
type SyncResult struct {
	// Sent calls were accepted by the server; Refused ones were rejected
	// for good (recorded in the spool, not retried); Left ones remain
	// because the server stopped answering.
	Sent, Refused, Left int
	// Refusals are the server's reasons, one per refused call or group.
	Refusals []string
}

// Sync replays the calls in dir's spool that the server never acknowledged,
// in order, and records each acknowledgement, so a second Sync sends
// nothing. It stops at the first failure to reach the server; run it again
// later. It refuses to run while a job still tracks into dir.
func Sync(ctx context.Context, cfg Config, dir string) (SyncResult, error) {
	var res SyncResult
	c, err := NewClient(cfg)
	if err != nil {
		return res, err
	}
	sp, err := openSpool(dir)
	if err != nil {
		return res, err
	}
	defer sp.close()
	st, err := readSpool(dir)
	if err != nil {
		return res, err
	}
	a := newApplier(c, dir)
	for _, call := range st.calls {
		if ack, ok := st.acked[call.Seq]; ok {
			a.learn(call, ack)
		}
	}
	pending := st.pending()
	for _, c := range pending {
		a.tried[c.Seq] = true
	}
	for len(pending) > 0 {
		var calls []record
		calls, pending = takeGroup(pending)
		if err := syncGroup(ctx, a, sp, calls, &res); err != nil {
			res.Left += len(pending)
			return res, fmt.Errorf("mlflow sync %s: %w; %d calls left in the spool, run sync again when the server answers", dir, err, res.Left)
		}
	}
	return res, nil
}

// syncGroup sends one group and spools its acknowledgement. A group of
// several runs that the server refuses is retried run by run, so one bad
// run does not drop the others' calls. It returns an error when the server
// cannot be reached (or the spool not written); res.Left then counts the
// group's unsent calls.
func syncGroup(ctx context.Context, a *applier, sp *spool, calls []record, res *SyncResult) error {
	ack, err := a.apply(ctx, calls)
	switch {
	case err == nil:
	case retryable(err) || ctx.Err() != nil:
		res.Left += len(calls)
		return err
	default:
		if parts := splitByRun(calls); len(parts) > 1 {
			for i, p := range parts {
				if err := syncGroup(ctx, a, sp, p, res); err != nil {
					for _, rest := range parts[i+1:] {
						res.Left += len(rest)
					}
					return err
				}
			}
			return nil
		}
		ack.Error = err.Error()
	}
	if err := sp.append(ack); err != nil {
		res.Left += len(calls)
		return err
	}
	if ack.Error == "" {
		res.Sent += len(calls)
		removeBlobs(a.dir, calls)
	} else {
		res.Refused += len(calls)
		res.Refusals = append(res.Refusals, fmt.Sprintf("%s of run %s: %s", calls[0].Kind, calls[0].Run, ack.Error))
	}
	return nil
}
