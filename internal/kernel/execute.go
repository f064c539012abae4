package kernel

import (
	"context"
	"fmt"
	"runtime"

	"github.com/gotrain/gotrain/internal/kernel/exec"
	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// execute runs one execute_request: execute_input, the cell's output, then
// execute_result or error, and the reply — all with req as parent.
func (k *Kernel) execute(req wire.Message) {
	c, err := wire.ParseExecuteRequest(req.Content)
	if err != nil {
		k.replyError(k.shell, req, wire.ExecuteReply, err)
		return
	}
	k.out.setParent(req.Header)
	k.mu.Lock()
	if c.StoreHistory {
		k.count++
	}
	count := k.count
	ctx, cancel := context.WithCancel(k.ctx)
	k.cellCancel = cancel
	stopSIGINT := k.watchSIGINT(cancel) // before execute_input: a client may signal on seeing it
	k.mu.Unlock()
	defer func() {
		k.mu.Lock()
		k.cellCancel = nil
		stopSIGINT()
		k.mu.Unlock()
		cancel()
	}()

	if !c.Silent {
		k.publish(req.Header, wire.ExecuteInput, wire.ExecuteInputContent{Code: c.Code, ExecutionCount: count})
	}
	out := &cellOutput{k: k, req: req, allowStdin: c.AllowStdin, ctx: ctx, count: count}
	res := k.run(ctx, c.Code, out)
	k.out.flush()

	reply := wire.ExecuteReplyContent{Status: wire.StatusOK, ExecutionCount: count, Payload: res.Payload, UserExpressions: map[string]any{}}
	if reply.Payload == nil {
		reply.Payload = []map[string]any{}
	}
	var output string
	if res.Err != nil {
		e := errorContent(res.Err)
		k.publish(req.Header, wire.Error, e)
		reply.Status = wire.StatusError
		reply.ErrorContent = &e
	} else {
		if res.Value != nil && !c.Silent {
			k.publish(req.Header, wire.ExecuteResult, wire.ExecuteResultContent{ExecutionCount: count, Data: res.Value, Metadata: map[string]any{}})
		}
		if s, ok := res.Value["text/plain"].(string); ok {
			output = s
		}
		reply.UserExpressions = k.userExpressions(ctx, c.UserExpressions)
	}
	if c.StoreHistory {
		k.history.add(count, c.Code, output, res.Value != nil)
	}
	var aborted []wire.Message
	if res.Err != nil && c.StopOnError {
		// Taken out before the reply: a request the client sends once it
		// has the reply was not queued when the cell failed and must run.
		// Answered after it, so the failed cell's reply comes first.
		aborted = k.queue.takeExecutes()
	}
	k.reply(k.shell, req, wire.ExecuteReply, reply)
	k.abort(aborted)
}

// run calls Session.Execute, turning a panic that escapes the session into
// the cell's error.
func (k *Kernel) run(ctx context.Context, code string, out exec.Output) (res exec.Result) {
	defer func() {
		if r := recover(); r != nil {
			buf := make([]byte, 8<<10)
			buf = buf[:runtime.Stack(buf, false)]
			k.log.Printf("session panicked: %v\n%s", r, buf)
			msg := fmt.Sprint(r)
			res = exec.Result{Err: &exec.Error{Name: "KernelPanic", Value: msg, Traceback: []string{"the interpreter panicked: " + msg}}}
		}
	}()
	return k.cfg.Session.Execute(ctx, code, out)
}

// errorContent converts a cell error, making sure traceback is a list.
func errorContent(e *exec.Error) wire.ErrorContent {
	tb := e.Traceback
	if len(tb) == 0 {
		tb = []string{e.Name + ": " + e.Value}
	}
	return wire.ErrorContent{EName: e.Name, EValue: e.Value, Traceback: tb}
}

// userExpressions evaluates each expression after a successful cell, as the
// spec asks; their output is discarded.
func (k *Kernel) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	res := map[string]any{}
	for name, expr := range exprs {
		r := k.run(ctx, expr, discardOutput{})
		if r.Err != nil {
			e := errorContent(r.Err)
			res[name] = map[string]any{"status": wire.StatusError, "ename": e.EName, "evalue": e.EValue, "traceback": e.Traceback}
			continue
		}
		data := map[string]any(r.Value)
		if data == nil {
			data = map[string]any{}
		}
		res[name] = map[string]any{"status": wire.StatusOK, "data": data, "metadata": map[string]any{}}
	}
	return res
}

// abort answers execute requests taken from the queue with status
// aborted, as Jupyter does after an error when stop_on_error is set.
func (k *Kernel) abort(reqs []wire.Message) {
	for _, m := range reqs {
		idle := k.busy(m)
		k.reply(k.shell, m, wire.ExecuteReply, wire.AbortedReplyContent{Status: wire.StatusAborted})
		idle()
	}
}

// discardOutput drops everything; user expressions run with it.
type discardOutput struct{}

func (discardOutput) Stream(string, string)                                 {}
func (discardOutput) Display(exec.MIMEBundle, map[string]any, string, bool) {}
func (discardOutput) ClearOutput(bool)                                      {}
func (discardOutput) Input(string, bool) (string, error)                    { return "", exec.ErrNoStdin }
