package kernel

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/internal/kernel/exec"
	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// cellOutput is the exec.Output one execute_request hands to the session.
// Streams and displays go through the kernel's shared iopubOutput; Input
// talks to the client that sent the request, on stdin.
type cellOutput struct {
	k          *Kernel
	req        wire.Message
	allowStdin bool
	ctx        context.Context // ends when the cell ends or is interrupted
	count      int             // the cell's execution_count
}

var (
	_ exec.Output        = (*cellOutput)(nil)
	_ exec.ErrorOutput   = (*cellOutput)(nil)
	_ exec.CountedOutput = (*cellOutput)(nil)
)

// ExecutionCount implements exec.CountedOutput.
func (c *cellOutput) ExecutionCount() int { return c.count }

// Error implements exec.ErrorOutput: an error outside the cell's result,
// such as a panic in a goroutine a cell started, shown as an iopub error
// message under the cell running now (its text names the cell it came
// from when that is another).
func (c *cellOutput) Error(e *exec.Error) {
	if e == nil {
		return
	}
	c.k.out.send(wire.Error, errorContent(e))
}

// Stream implements exec.Output.
func (c *cellOutput) Stream(name, text string) {
	if name != "stderr" {
		name = "stdout"
	}
	c.k.out.stream(name, text)
}

// Display implements exec.Output: display_data, or update_display_data when
// update is set (which needs a displayID).
func (c *cellOutput) Display(data exec.MIMEBundle, metadata map[string]any, displayID string, update bool) {
	if data == nil {
		data = exec.MIMEBundle{}
	}
	if metadata == nil {
		metadata = map[string]any{}
	}
	content := wire.DisplayDataContent{Data: data, Metadata: metadata, Transient: map[string]any{}}
	if displayID != "" {
		content.Transient["display_id"] = displayID
	}
	msgType := wire.DisplayData
	if update && displayID != "" {
		msgType = wire.UpdateDisplayData
	}
	c.k.out.send(msgType, content)
}

// ClearOutput implements exec.Output.
func (c *cellOutput) ClearOutput(wait bool) {
	c.k.out.send(wire.ClearOutput, wire.ClearOutputContent{Wait: wait})
}

// Input implements exec.Output: an input_request on stdin to the client
// that sent the cell, answered by its input_reply. It returns
// exec.ErrNoStdin when the client said allow_stdin false, and an error when
// the cell is interrupted or has ended while waiting.
func (c *cellOutput) Input(prompt string, password bool) (string, error) {
	if !c.allowStdin {
		return "", exec.ErrNoStdin
	}
	if err := c.ctx.Err(); err != nil {
		return "", fmt.Errorf("input: the cell is no longer running (%w)", err)
	}
	k := c.k
	k.out.flush()
	k.inputMu.Lock()
	defer k.inputMu.Unlock()
	for drained := false; !drained; { // forget replies nobody waited for
		select {
		case <-k.inputs:
		default:
			drained = true
		}
	}
	k.sendTo(k.stdin, c.req.Identities, wire.InputRequest, c.req.Header, wire.InputRequestContent{Prompt: prompt, Password: password})
	select {
	case v := <-k.inputs:
		return v, nil
	case <-c.ctx.Done():
		return "", fmt.Errorf("input: interrupted while waiting for the user (%w)", c.ctx.Err())
	}
}

// handleStdin receives input_reply messages for the waiting Input call.
func (k *Kernel) handleStdin(m wire.Message) {
	if m.Header.MsgType != wire.InputReply {
		k.log.Printf("stdin: unexpected %s; ignored", m.Header.MsgType)
		return
	}
	r, err := wire.ParseInputReply(m.Content)
	if err != nil {
		k.log.Printf("stdin: dropped input_reply: %v", err)
		return
	}
	select {
	case k.inputs <- r.Value:
	default:
		k.log.Printf("stdin: input_reply while no input was requested; ignored")
	}
}
