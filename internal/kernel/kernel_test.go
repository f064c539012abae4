package kernel

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/google/uuid"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

func TestKernelInfoOnShellAndControl(t *testing.T) {
	h := startHarness(t)
	for _, s := range []zmq4.Socket{h.shell, h.control} {
		hdr := h.send(s, wire.KernelInfoRequest, map[string]any{})
		r := h.recv(s)
		if r.Header.MsgType != wire.KernelInfoReply || r.Parent.MsgID != hdr.MsgID {
			t.Fatalf("got %s for %s", r.Header.MsgType, hdr.MsgID)
		}
		if r.Header.Version != "5.3" || r.Header.Session == h.session {
			t.Errorf("header = %+v", r.Header)
		}
		var c wire.KernelInfoReplyContent
		_ = json.Unmarshal(r.Content, &c)
		li := c.LanguageInfo
		if c.Status != "ok" || c.ProtocolVersion != "5.3" || li.Name != "go" || li.Mimetype != "text/x-go" || li.FileExtension != ".go" ||
			li.PygmentsLexer != "go" || li.CodemirrorMode != "go" || li.Version == "" || len(c.HelpLinks) == 0 {
			t.Errorf("kernel_info = %+v", c)
		}
		got := types(h.untilIdle(hdr))
		if !reflect.DeepEqual(got, []string{"status:busy", "status:idle"}) {
			t.Errorf("iopub around kernel_info = %v", got)
		}
	}
}

func TestExecuteOutputsInOrder(t *testing.T) {
	h := startHarness(t)
	reply, msgs := h.execute("print a\nprint b\neprint e\ndisplay d1\nupdate d1\nclear wait\nprint c\nvalue 42", nil)
	want := []string{"status:busy", "execute_input", "stream", "stream", "display_data", "update_display_data", "clear_output", "stream", "execute_result", "status:idle"}
	if got := types(msgs); !reflect.DeepEqual(got, want) {
		t.Fatalf("iopub = %v\nwant    %v", got, want)
	}
	if c := content(t, msgs[2]); c["name"] != "stdout" || c["text"] != "ab" {
		t.Errorf("coalesced stream = %v", c)
	}
	if c := content(t, msgs[3]); c["name"] != "stderr" || c["text"] != "e" {
		t.Errorf("stderr stream = %v", c)
	}
	if c := content(t, msgs[4]); c["transient"].(map[string]any)["display_id"] != "d1" {
		t.Errorf("display = %v", c)
	}
	if c := content(t, msgs[6]); c["wait"] != true {
		t.Errorf("clear_output = %v", c)
	}
	if c := content(t, msgs[8]); c["execution_count"] != 1.0 || c["data"].(map[string]any)["text/plain"] != "42" {
		t.Errorf("execute_result = %v", c)
	}
	if c := content(t, reply); c["status"] != "ok" || c["execution_count"] != 1.0 {
		t.Errorf("reply = %v", c)
	}
	ids := map[string]bool{}
	for _, m := range msgs {
		if ids[m.Header.MsgID] {
			t.Errorf("msg_id %s repeated", m.Header.MsgID)
		}
		ids[m.Header.MsgID] = true
	}
	reply, _ = h.execute("value x", nil)
	if c := content(t, reply); c["execution_count"] != 2.0 {
		t.Errorf("second execution_count = %v", c["execution_count"])
	}
	reply, msgs = h.execute("value hidden", map[string]any{"silent": true})
	if c := content(t, reply); c["execution_count"] != 2.0 {
		t.Errorf("silent cell changed execution_count: %v", c["execution_count"])
	}
	if got := types(msgs); !reflect.DeepEqual(got, []string{"status:busy", "status:idle"}) {
		t.Errorf("silent cell published %v", got)
	}
}

func TestErrorAndStopOnError(t *testing.T) {
	h := startHarness(t)
	h1 := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "fail"})
	h2 := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "value 1"})
	h3 := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "value 2"})
	r1, r2, r3 := h.recv(h.shell), h.recv(h.shell), h.recv(h.shell)
	if r1.Parent.MsgID != h1.MsgID || r2.Parent.MsgID != h2.MsgID || r3.Parent.MsgID != h3.MsgID {
		t.Fatal("replies out of order")
	}
	c1 := content(t, r1)
	if c1["status"] != "error" || c1["ename"] != "Failure" || len(c1["traceback"].([]any)) != 1 {
		t.Errorf("error reply = %v", c1)
	}
	msgs := h.untilIdle(h1)
	if got := types(msgs); !reflect.DeepEqual(got, []string{"status:busy", "execute_input", "error", "status:idle"}) {
		t.Errorf("iopub for a failing cell = %v", got)
	}
	// Whether the later cells were still queued when the first failed
	// depends on timing; each is either aborted or run, never lost.
	for _, r := range []wire.Message{r2, r3} {
		if s := content(t, r)["status"]; s != "aborted" && s != "ok" {
			t.Errorf("queued cell after an error: status %v", s)
		}
	}
	reply, _ := h.execute("fail", map[string]any{"stop_on_error": false})
	if content(t, reply)["status"] != "error" {
		t.Error("fail did not fail")
	}
	reply, _ = h.execute("value after", nil)
	if content(t, reply)["status"] != "ok" {
		t.Error("kernel did not recover after errors")
	}
}

func TestStopOnErrorAbortsQueued(t *testing.T) {
	h := startHarness(t)
	// The first cell blocks until interrupted, so the others are surely queued.
	first := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "wait"})
	var queued []wire.Header
	for i := 0; i < 3; i++ {
		queued = append(queued, h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "value q"}))
	}
	ki := h.send(h.shell, wire.KernelInfoRequest, map[string]any{})
	waitFor(t, func() bool { h.k.queue.mu.Lock(); defer h.k.queue.mu.Unlock(); return len(h.k.queue.items) == 4 })
	h.send(h.control, wire.InterruptRequest, map[string]any{})
	h.recv(h.control)
	if r := h.recv(h.shell); r.Parent.MsgID != first.MsgID || content(t, r)["status"] != "error" {
		t.Fatalf("interrupted cell reply = %s", describe(r))
	}
	for _, q := range queued {
		r := h.recv(h.shell)
		if r.Parent.MsgID != q.MsgID || content(t, r)["status"] != "aborted" {
			t.Errorf("queued cell reply = %s, want aborted", describe(r))
		}
	}
	if r := h.recv(h.shell); r.Parent.MsgID != ki.MsgID || r.Header.MsgType != wire.KernelInfoReply {
		t.Errorf("kernel_info queued behind the cells: %s", describe(r))
	}
}

func TestInterruptAndHeartbeatWhileRunning(t *testing.T) {
	h := startHarness(t)
	h.execute("set kept", nil)
	cell := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "wait"})
	waitFor(t, func() bool { h.k.mu.Lock(); defer h.k.mu.Unlock(); return h.k.cellCancel != nil })
	if err := h.hb.Send(zmq4.NewMsgString("ping")); err != nil {
		t.Fatal(err)
	}
	if m, err := h.hb.Recv(); err != nil || string(m.Frames[0]) != "ping" {
		t.Fatalf("heartbeat while a cell runs: %v %q", err, m.Frames)
	}
	ki := h.send(h.control, wire.KernelInfoRequest, map[string]any{})
	if r := h.recv(h.control); r.Parent.MsgID != ki.MsgID {
		t.Fatal("control kernel_info not answered while a cell runs")
	}
	ir := h.send(h.control, wire.InterruptRequest, map[string]any{})
	if r := h.recv(h.control); r.Header.MsgType != wire.InterruptReply || r.Parent.MsgID != ir.MsgID || content(t, r)["status"] != "ok" {
		t.Fatalf("interrupt reply = %s", describe(r))
	}
	if r := h.recv(h.shell); r.Parent.MsgID != cell.MsgID || content(t, r)["ename"] != "Interrupted" {
		t.Fatalf("interrupted cell reply = %s", describe(r))
	}
	reply, msgs := h.execute("get", nil)
	if content(t, reply)["status"] != "ok" || !strings.Contains(string(msgs[len(msgs)-2].Content), "kept") {
		t.Errorf("state lost after interrupt: %v", types(msgs))
	}
}

func TestShutdownWhileRunning(t *testing.T) {
	h := startHarness(t)
	h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "wait"})
	waitFor(t, func() bool { h.k.mu.Lock(); defer h.k.mu.Unlock(); return h.k.cellCancel != nil })
	sr := h.send(h.control, wire.ShutdownRequest, map[string]any{"restart": true})
	r := h.recv(h.control)
	if r.Header.MsgType != wire.ShutdownReply || r.Parent.MsgID != sr.MsgID || content(t, r)["restart"] != true {
		t.Fatalf("shutdown reply = %s", describe(r))
	}
	select {
	case err := <-h.runErr:
		if err != nil {
			t.Errorf("Run returned %v", err)
		}
		h.runErr <- nil // for the cleanup
	case <-time.After(recvTimeout):
		t.Fatal("kernel still running after shutdown_request")
	}
	h.sess.mu.Lock()
	defer h.sess.mu.Unlock()
	if !h.sess.closed {
		t.Error("session not closed at shutdown")
	}
}

func TestStdinRoundTrip(t *testing.T) {
	h := startHarness(t)
	cell := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "input name?"})
	req := h.recv(h.stdin)
	if req.Header.MsgType != wire.InputRequest || req.Parent.MsgID != cell.MsgID || content(t, req)["prompt"] != "name?" {
		t.Fatalf("input_request = %s parent %s", describe(req), req.Parent.MsgID)
	}
	h.send(h.stdin, wire.InputReply, map[string]any{"value": "gopher"})
	msgs := h.untilIdle(cell)
	reply := h.recv(h.shell)
	if content(t, reply)["status"] != "ok" || !strings.Contains(string(msgs[len(msgs)-2].Content), "got gopher") {
		t.Errorf("input round trip: %s / %v", describe(reply), types(msgs))
	}
	reply, _ = h.execute("input never", map[string]any{"allow_stdin": false})
	if c := content(t, reply); c["ename"] != "InputError" || !strings.Contains(c["evalue"].(string), "allow_stdin") {
		t.Errorf("allow_stdin false: %v", c)
	}
}

func TestInputInterrupted(t *testing.T) {
	h := startHarness(t)
	cell := h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "input x"})
	h.recv(h.stdin)
	h.send(h.control, wire.InterruptRequest, map[string]any{})
	h.recv(h.control)
	r := h.recv(h.shell)
	if r.Parent.MsgID != cell.MsgID || !strings.Contains(content(t, r)["evalue"].(string), "interrupted") {
		t.Errorf("interrupted input: %s", describe(r))
	}
}

func TestCompleteInspectIsComplete(t *testing.T) {
	h := startHarness(t)
	h.send(h.shell, wire.CompleteRequest, map[string]any{"code": "pr", "cursor_pos": 2})
	c := content(t, h.recv(h.shell))
	if c["status"] != "ok" || len(c["matches"].([]any)) != 2 || c["cursor_end"] != 2.0 || c["metadata"] == nil {
		t.Errorf("complete_reply = %v", c)
	}
	h.send(h.shell, wire.InspectRequest, map[string]any{"code": "print", "cursor_pos": 3})
	c = content(t, h.recv(h.shell))
	if c["status"] != "ok" || c["found"] != true || c["data"].(map[string]any)["text/plain"] == nil || c["metadata"] == nil {
		t.Errorf("inspect_reply = %v", c)
	}
	h.send(h.shell, wire.InspectRequest, map[string]any{"code": "zzz", "cursor_pos": 1})
	if c = content(t, h.recv(h.shell)); c["found"] != false || c["data"] == nil {
		t.Errorf("inspect_reply not found = %v", c)
	}
	h.send(h.shell, wire.IsCompleteRequest, map[string]any{"code": "func f() {"})
	if c = content(t, h.recv(h.shell)); c["status"] != "incomplete" || c["indent"] != "\t" {
		t.Errorf("is_complete_reply = %v", c)
	}
	h.send(h.shell, wire.IsCompleteRequest, map[string]any{"code": "x := 1"})
	if c = content(t, h.recv(h.shell)); c["status"] != "complete" || c["indent"] != nil {
		t.Errorf("is_complete_reply for complete code = %v", c)
	}
	h.send(h.shell, wire.CompleteRequest, map[string]any{"code": 7})
	if c = content(t, h.recv(h.shell)); c["status"] != "error" || !strings.Contains(c["evalue"].(string), "complete_request") {
		t.Errorf("bad complete_request answered %v", c)
	}
}

func TestHistory(t *testing.T) {
	h := startHarness(t)
	for _, code := range []string{"value 1", "print x", "value 1", "value 3"} {
		h.execute(code, nil)
	}
	h.execute("value nostore", map[string]any{"store_history": false})
	query := func(q map[string]any) []any {
		h.send(h.shell, wire.HistoryRequest, q)
		c := content(t, h.recv(h.shell))
		if c["status"] != "ok" {
			t.Fatalf("history %v: %v", q, c)
		}
		return c["history"].([]any)
	}
	tail := query(map[string]any{"hist_access_type": "tail", "n": 2, "output": false, "raw": true})
	if !reflect.DeepEqual(tail, []any{[]any{1.0, 3.0, "value 1"}, []any{1.0, 4.0, "value 3"}}) {
		t.Errorf("tail = %v", tail)
	}
	out := query(map[string]any{"hist_access_type": "tail", "n": 1, "output": true, "raw": true})
	if !reflect.DeepEqual(out, []any{[]any{1.0, 4.0, []any{"value 3", "3"}}}) {
		t.Errorf("tail with output = %v", out)
	}
	rng := query(map[string]any{"hist_access_type": "range", "session": 1, "start": 2, "stop": 3, "output": false, "raw": true})
	if !reflect.DeepEqual(rng, []any{[]any{1.0, 2.0, "print x"}}) {
		t.Errorf("range = %v", rng)
	}
	if s := query(map[string]any{"hist_access_type": "search", "pattern": "value ?", "output": false, "raw": true}); len(s) != 3 {
		t.Errorf("search = %v", s)
	}
	if s := query(map[string]any{"hist_access_type": "search", "pattern": "value 1*", "unique": true, "output": false, "raw": true}); len(s) != 1 || s[0].([]any)[1] != 3.0 {
		t.Errorf("unique search = %v", s)
	}
	h.send(h.shell, wire.HistoryRequest, map[string]any{"hist_access_type": "sideways"})
	if c := content(t, h.recv(h.shell)); c["status"] != "error" || !strings.Contains(c["evalue"].(string), "hist_access_type") {
		t.Errorf("bad hist_access_type answered %v", c)
	}
}

func TestComms(t *testing.T) {
	h := startHarness(t)
	h.send(h.shell, wire.CommInfoRequest, map[string]any{})
	if c := content(t, h.recv(h.shell)); c["status"] != "ok" || len(c["comms"].(map[string]any)) != 0 {
		t.Errorf("comm_info_reply = %v", c)
	}
	open := h.send(h.shell, wire.CommOpen, map[string]any{"comm_id": "c1", "target_name": "nobody", "data": map[string]any{}})
	msgs := h.untilIdle(open)
	if got := types(msgs); !reflect.DeepEqual(got, []string{"status:busy", "comm_close", "status:idle"}) || content(t, msgs[1])["comm_id"] != "c1" {
		t.Errorf("comm_open for an unknown target: %v", got)
	}
}

func TestMalformedFramesAreDropped(t *testing.T) {
	h := startHarness(t)
	raw, _ := json.Marshal(map[string]any{})
	hdr := wire.NewHeader(uuid.NewString(), h.session, wire.KernelInfoRequest, time.Now())
	unsigned, _ := wire.Encode(wire.Message{Header: hdr, Content: raw}, nil)
	misSigned, _ := wire.Encode(wire.Message{Header: hdr, Content: raw}, []byte("wrong key"))
	garbage := [][][]byte{
		{[]byte("hello")},
		{[]byte(wire.Delimiter)},
		{[]byte(wire.Delimiter), []byte("sig"), []byte("{"), []byte("{}"), []byte("{}"), []byte("{}")},
		unsigned, misSigned,
	}
	for _, s := range []zmq4.Socket{h.shell, h.control, h.stdin} {
		for _, g := range garbage {
			if err := s.SendMulti(zmq4.NewMsgFrom(g...)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range []zmq4.Socket{h.shell, h.control} {
		ki := h.send(s, wire.KernelInfoRequest, map[string]any{})
		if r := h.recv(s); r.Parent.MsgID != ki.MsgID {
			t.Fatalf("first reply after garbage answers %s, want the kernel_info %s", r.Parent.MsgID, ki.MsgID)
		}
	}
	waitFor(t, func() bool { return strings.Count(h.logs.String(), "dropped") >= 3*len(garbage) })
	if !strings.Contains(h.logs.String(), "signature") {
		t.Errorf("log does not name the bad signature:\n%s", h.logs.String())
	}
}

func TestManyQueuedExecutesInOrder(t *testing.T) {
	h := startHarness(t)
	var sent []wire.Header
	for i := 0; i < 100; i++ {
		sent = append(sent, h.send(h.shell, wire.ExecuteRequest, map[string]any{"code": "value v"}))
	}
	for i, s := range sent {
		r := h.recv(h.shell)
		c := content(t, r)
		if r.Parent.MsgID != s.MsgID || c["execution_count"] != float64(i+1) {
			t.Fatalf("reply %d answers %s with count %v", i, r.Parent.MsgID, c["execution_count"])
		}
	}
}

func TestLargeOutputArrivesWhole(t *testing.T) {
	h := startHarness(t)
	const n = 3 << 20
	_, msgs := h.execute("big 3145728", nil)
	var text strings.Builder
	for _, m := range msgs {
		if m.Header.MsgType == wire.Stream {
			c := content(t, m)
			s := c["text"].(string)
			if len(s) > flushBytes {
				t.Errorf("a stream message of %d bytes, more than %d", len(s), flushBytes)
			}
			if strings.ContainsRune(s, '\uFFFD') {
				t.Fatal("a flush split a UTF-8 sequence")
			}
			text.WriteString(s)
		}
	}
	if text.Len() != n {
		t.Fatalf("received %d bytes of output, want %d", text.Len(), n)
	}
	if !strings.HasPrefix(text.String(), "0123456789abcdé\n") {
		t.Error("output does not start as printed")
	}
}

func TestGoroutineOutputAfterCell(t *testing.T) {
	h := startHarness(t)
	spawnReply, _ := h.execute("spawn", nil)
	if content(t, spawnReply)["status"] != "ok" {
		t.Fatal("spawn failed")
	}
	later, _ := h.execute("value next", nil)
	close(h.sess.release)
	for {
		m := h.nextIOPub()
		if m.Header.MsgType == wire.Stream {
			if content(t, m)["text"] != "late" || m.Parent.MsgID != later.Parent.MsgID {
				t.Errorf("late output %s attributed to %s, want the last cell %s", describe(m), m.Parent.MsgID, later.Parent.MsgID)
			}
			return
		}
	}
}

func TestLateErrorFromGoroutine(t *testing.T) {
	h := startHarness(t)
	cell, _ := h.execute("lateerror", nil)
	close(h.sess.release)
	for {
		m := h.nextIOPub()
		if m.Header.MsgType == wire.Error {
			c := content(t, m)
			if c["ename"] != "GoroutinePanic" || len(c["traceback"].([]any)) != 1 || m.Parent.MsgID != cell.Parent.MsgID {
				t.Errorf("late error = %s (parent %s)", describe(m), m.Parent.MsgID)
			}
			return
		}
	}
}

func TestSessionPanicBecomesError(t *testing.T) {
	h := startHarness(t)
	h.execute("set before", nil)
	reply, msgs := h.execute("panic", nil)
	if c := content(t, reply); c["status"] != "error" || c["ename"] != "KernelPanic" {
		t.Errorf("reply = %v", c)
	}
	n := 0
	for _, m := range msgs {
		if m.Header.MsgType == wire.Error {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d error messages, want exactly 1", n)
	}
	if _, msgs = h.execute("get", nil); !strings.Contains(string(msgs[len(msgs)-2].Content), "before") {
		t.Error("state lost after a panic")
	}
}

// waitFor polls cond (for state the test cannot observe on the wire).
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(recvTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
