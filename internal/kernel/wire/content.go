package wire

import (
	"encoding/json"
	"fmt"
)

// ExecuteRequestContent is an execute_request's content. Parse it with
// ParseExecuteRequest, which fills the specification's defaults.
type ExecuteRequestContent struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    bool              `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     bool              `json:"stop_on_error"`
}

// ParseExecuteRequest decodes content over the defaults: silent false,
// store_history true, allow_stdin true, stop_on_error true, no user
// expressions. A silent request never stores history, as the spec says.
func ParseExecuteRequest(content json.RawMessage) (ExecuteRequestContent, error) {
	c := ExecuteRequestContent{StoreHistory: true, AllowStdin: true, StopOnError: true}
	if err := parse(ExecuteRequest, content, &c); err != nil {
		return c, err
	}
	if c.Silent {
		c.StoreHistory = false
	}
	if c.UserExpressions == nil {
		c.UserExpressions = map[string]string{}
	}
	return c, nil
}

// CompleteRequestContent is a complete_request's content; CursorPos counts
// Unicode code points and defaults to the end of Code.
type CompleteRequestContent struct {
	Code      string `json:"code"`
	CursorPos int    `json:"cursor_pos"`
}

// ParseCompleteRequest decodes content; a missing cursor_pos means the end of code.
func ParseCompleteRequest(content json.RawMessage) (CompleteRequestContent, error) {
	c := CompleteRequestContent{CursorPos: -1}
	if err := parse(CompleteRequest, content, &c); err != nil {
		return c, err
	}
	c.CursorPos = clampCursor(c.Code, c.CursorPos)
	return c, nil
}

// InspectRequestContent is an inspect_request's content.
type InspectRequestContent struct {
	Code        string `json:"code"`
	CursorPos   int    `json:"cursor_pos"`
	DetailLevel int    `json:"detail_level"`
}

// ParseInspectRequest decodes content; a missing cursor_pos means the end of
// code, detail_level defaults to 0.
func ParseInspectRequest(content json.RawMessage) (InspectRequestContent, error) {
	c := InspectRequestContent{CursorPos: -1}
	if err := parse(InspectRequest, content, &c); err != nil {
		return c, err
	}
	c.CursorPos = clampCursor(c.Code, c.CursorPos)
	return c, nil
}

// IsCompleteRequestContent is an is_complete_request's content.
type IsCompleteRequestContent struct {
	Code string `json:"code"`
}

// ParseIsCompleteRequest decodes content.
func ParseIsCompleteRequest(content json.RawMessage) (IsCompleteRequestContent, error) {
	var c IsCompleteRequestContent
	return c, parse(IsCompleteRequest, content, &c)
}

// HistoryRequestContent is a history_request's content.
type HistoryRequestContent struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// ParseHistoryRequest decodes content; hist_access_type defaults to "tail"
// with n 10, raw to true.
func ParseHistoryRequest(content json.RawMessage) (HistoryRequestContent, error) {
	c := HistoryRequestContent{HistAccessType: "tail", N: 10, Raw: true}
	return c, parse(HistoryRequest, content, &c)
}

// CommInfoRequestContent is a comm_info_request's content.
type CommInfoRequestContent struct {
	TargetName string `json:"target_name"`
}

// ParseCommInfoRequest decodes content; an empty target means all targets.
func ParseCommInfoRequest(content json.RawMessage) (CommInfoRequestContent, error) {
	var c CommInfoRequestContent
	return c, parse(CommInfoRequest, content, &c)
}

// CommOpenContent is a comm_open's content (and, with Data only, comm_close's).
type CommOpenContent struct {
	CommID     string         `json:"comm_id"`
	TargetName string         `json:"target_name,omitempty"`
	Data       map[string]any `json:"data"`
}

// ParseCommOpen decodes content; comm_id is required.
func ParseCommOpen(content json.RawMessage) (CommOpenContent, error) {
	var c CommOpenContent
	if err := parse(CommOpen, content, &c); err != nil {
		return c, err
	}
	if c.CommID == "" {
		return c, fmt.Errorf("%s content: field \"comm_id\" is missing", CommOpen)
	}
	if c.Data == nil {
		c.Data = map[string]any{}
	}
	return c, nil
}

// ShutdownRequestContent is a shutdown_request's content.
type ShutdownRequestContent struct {
	Restart bool `json:"restart"`
}

// ParseShutdownRequest decodes content; restart defaults to false.
func ParseShutdownRequest(content json.RawMessage) (ShutdownRequestContent, error) {
	var c ShutdownRequestContent
	return c, parse(ShutdownRequest, content, &c)
}

// InputReplyContent is an input_reply's content.
type InputReplyContent struct {
	Value string `json:"value"`
}

// ParseInputReply decodes content.
func ParseInputReply(content json.RawMessage) (InputReplyContent, error) {
	var c InputReplyContent
	return c, parse(InputReply, content, &c)
}

// parse decodes content over the defaults already in v, naming the message
// type in errors.
func parse(msgType string, content json.RawMessage, v any) error {
	if len(content) == 0 {
		return nil
	}
	if err := json.Unmarshal(content, v); err != nil {
		return fmt.Errorf("%s content: %w", msgType, err)
	}
	return nil
}

// clampCursor maps a missing or out-of-range cursor to the end of code.
func clampCursor(code string, pos int) int {
	n := len([]rune(code))
	if pos < 0 || pos > n {
		return n
	}
	return pos
}
