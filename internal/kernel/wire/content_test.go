package wire

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExecuteRequestDefaults(t *testing.T) {
	c, err := ParseExecuteRequest(json.RawMessage(`{"code":"x := 1"}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Code != "x := 1" || c.Silent || !c.StoreHistory || !c.AllowStdin || !c.StopOnError || c.UserExpressions == nil {
		t.Errorf("defaults = %+v", c)
	}
	c, _ = ParseExecuteRequest(json.RawMessage(`{"code":"","silent":true,"store_history":true,"allow_stdin":false,"stop_on_error":false,"user_expressions":{"a":"1"}}`))
	if !c.Silent || c.StoreHistory || c.AllowStdin || c.StopOnError || c.UserExpressions["a"] != "1" {
		t.Errorf("explicit = %+v (silent must force store_history off)", c)
	}
	_, err = ParseExecuteRequest(json.RawMessage(`{"code":"","silent":"yes"}`))
	if err == nil || !strings.Contains(err.Error(), "execute_request") || !strings.Contains(err.Error(), "silent") {
		t.Errorf("bad type: err = %v, want the message type and field named", err)
	}
}

func TestCursorDefaults(t *testing.T) {
	c, _ := ParseCompleteRequest(json.RawMessage(`{"code":"héllo"}`))
	if c.CursorPos != 5 {
		t.Errorf("missing cursor_pos -> %d, want 5 code points", c.CursorPos)
	}
	c, _ = ParseCompleteRequest(json.RawMessage(`{"code":"ab","cursor_pos":99}`))
	if c.CursorPos != 2 {
		t.Errorf("cursor beyond end -> %d", c.CursorPos)
	}
	i, _ := ParseInspectRequest(json.RawMessage(`{"code":"fmt.Println","cursor_pos":3,"detail_level":1}`))
	if i.CursorPos != 3 || i.DetailLevel != 1 {
		t.Errorf("inspect = %+v", i)
	}
}

func TestOtherDefaults(t *testing.T) {
	h, _ := ParseHistoryRequest(json.RawMessage(`{}`))
	if h.HistAccessType != "tail" || h.N != 10 || !h.Raw {
		t.Errorf("history defaults = %+v", h)
	}
	if _, err := ParseCommOpen(json.RawMessage(`{"target_name":"x"}`)); err == nil {
		t.Error("comm_open without comm_id accepted")
	}
	co, _ := ParseCommOpen(json.RawMessage(`{"comm_id":"c","target_name":"t"}`))
	if co.Data == nil {
		t.Error("comm_open data not defaulted")
	}
	s, _ := ParseShutdownRequest(json.RawMessage(`{"restart":true}`))
	if !s.Restart {
		t.Error("restart lost")
	}
	in, _ := ParseInputReply(json.RawMessage(`{"value":"42"}`))
	if in.Value != "42" {
		t.Error("input value lost")
	}
}

func TestExecuteReplyShapes(t *testing.T) {
	ok, _ := json.Marshal(ExecuteReplyContent{Status: StatusOK, ExecutionCount: 3})
	if strings.Contains(string(ok), "ename") {
		t.Errorf("ok reply carries error fields: %s", ok)
	}
	bad, _ := json.Marshal(ExecuteReplyContent{Status: StatusError, ErrorContent: &ErrorContent{EName: "E", Traceback: []string{}}})
	var m map[string]any
	_ = json.Unmarshal(bad, &m)
	if _, has := m["evalue"]; !has || m["traceback"] == nil || m["ename"] != "E" {
		t.Errorf("error reply = %s", bad)
	}
}
