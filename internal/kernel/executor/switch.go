package executor

import (
	"context"
	"fmt"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// switchExecutor acts on a cell's request to continue in another executor
// program (exec.Switch, the compile route of a third-party import): it
// restarts the session in that program, replays the declarations the old
// session could bring across, tells the user in one line what was kept
// and lost, and runs the cell again there. If the new program does not
// start, the cell fails and the next cell starts the old program again.
func (r *Remote) switchExecutor(ctx context.Context, sw *exec.Switch, code string, out exec.Output) exec.Result {
	r.mu.Lock()
	prev, args := r.cfg.Binary, r.cfg.Args
	r.mu.Unlock()
	if err := r.Restart(ctx, sw.Binary, args); err != nil {
		r.mu.Lock()
		r.cfg.Binary = prev
		r.mu.Unlock()
		msg := fmt.Sprintf("%s: the executor with it compiled in did not start: %v", sw.Route, err)
		return exec.Result{Err: &exec.Error{Name: "ImportError", Value: msg, Traceback: []string{msg}}}
	}
	lost := append([]string(nil), sw.Lost...)
	for _, g := range sw.Replay {
		if res := r.run(ctx, g, discard{}); res.Err != nil {
			lost = append(lost, "(a declaration that failed to replay: "+res.Err.Value+")")
		}
	}
	out.Stream("stderr", fmt.Sprintf("%s: compiled into the executor (session restarted; kept: %s; lost: %s)\n", sw.Route, list(sw.Kept), list(lost)))
	res := r.run(ctx, code, out)
	if res.Switch != nil {
		msg := sw.Route + ": the new executor asked for another switch; the import is refused so the session does not restart in a loop"
		return exec.Result{Err: &exec.Error{Name: "ImportError", Value: msg, Traceback: []string{msg}}}
	}
	return res
}

// list joins names for the switch line, "nothing" when there are none.
func list(names []string) string {
	if len(names) == 0 {
		return "nothing"
	}
	return strings.Join(names, ", ")
}
