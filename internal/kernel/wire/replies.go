package wire

// KernelInfoReplyContent answers kernel_info_request.
type KernelInfoReplyContent struct {
	Status                string       `json:"status"`
	ProtocolVersion       string       `json:"protocol_version"`
	Implementation        string       `json:"implementation"`
	ImplementationVersion string       `json:"implementation_version"`
	LanguageInfo          LanguageInfo `json:"language_info"`
	Banner                string       `json:"banner"`
	HelpLinks             []HelpLink   `json:"help_links"`
	Debugger              bool         `json:"debugger"`
}

// LanguageInfo describes the kernel's language in kernel_info_reply.
type LanguageInfo struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	Mimetype          string `json:"mimetype"`
	FileExtension     string `json:"file_extension"`
	PygmentsLexer     string `json:"pygments_lexer"`
	CodemirrorMode    string `json:"codemirror_mode"`
	NbconvertExporter string `json:"nbconvert_exporter,omitempty"`
}

// HelpLink is one entry of the notebook's Help menu.
type HelpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// ExecuteReplyContent answers execute_request. The embedded error is set
// only when Status is "error"; its fields then appear at the top level.
type ExecuteReplyContent struct {
	Status          string           `json:"status"`
	ExecutionCount  int              `json:"execution_count"`
	Payload         []map[string]any `json:"payload"`
	UserExpressions map[string]any   `json:"user_expressions"`
	*ErrorContent
}

// ErrorContent is the iopub error message (and the error part of replies).
type ErrorContent struct {
	EName     string   `json:"ename"`
	EValue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// StatusContent is the iopub status message.
type StatusContent struct {
	ExecutionState string `json:"execution_state"`
}

// StreamContent is the iopub stream message.
type StreamContent struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// ExecuteInputContent is the iopub execute_input message.
type ExecuteInputContent struct {
	Code           string `json:"code"`
	ExecutionCount int    `json:"execution_count"`
}

// ExecuteResultContent is the iopub execute_result message.
type ExecuteResultContent struct {
	ExecutionCount int            `json:"execution_count"`
	Data           map[string]any `json:"data"`
	Metadata       map[string]any `json:"metadata"`
}

// DisplayDataContent is the iopub display_data and update_display_data message.
type DisplayDataContent struct {
	Data      map[string]any `json:"data"`
	Metadata  map[string]any `json:"metadata"`
	Transient map[string]any `json:"transient,omitempty"`
}

// ClearOutputContent is the iopub clear_output message.
type ClearOutputContent struct {
	Wait bool `json:"wait"`
}

// CompleteReplyContent answers complete_request; cursor positions are code points.
type CompleteReplyContent struct {
	Status      string         `json:"status"`
	Matches     []string       `json:"matches"`
	CursorStart int            `json:"cursor_start"`
	CursorEnd   int            `json:"cursor_end"`
	Metadata    map[string]any `json:"metadata"`
}

// InspectReplyContent answers inspect_request.
type InspectReplyContent struct {
	Status   string         `json:"status"`
	Found    bool           `json:"found"`
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
}

// IsCompleteReplyContent answers is_complete_request; Indent is set (even
// to "") exactly when Status is "incomplete".
type IsCompleteReplyContent struct {
	Status string  `json:"status"`
	Indent *string `json:"indent,omitempty"`
}

// HistoryReplyContent answers history_request. Each entry is
// [session, line, input] or, with output, [session, line, [input, output]].
type HistoryReplyContent struct {
	Status  string  `json:"status"`
	History [][]any `json:"history"`
}

// CommInfoReplyContent answers comm_info_request.
type CommInfoReplyContent struct {
	Status string                    `json:"status"`
	Comms  map[string]map[string]any `json:"comms"`
}

// ShutdownReplyContent answers shutdown_request, echoing Restart.
type ShutdownReplyContent struct {
	Status  string `json:"status"`
	Restart bool   `json:"restart"`
}

// InterruptReplyContent answers interrupt_request.
type InterruptReplyContent struct {
	Status string `json:"status"`
}

// InputRequestContent is sent on stdin to ask the user for a line.
type InputRequestContent struct {
	Prompt   string `json:"prompt"`
	Password bool   `json:"password"`
}

// AbortedReplyContent answers a request skipped after an earlier error.
type AbortedReplyContent struct {
	Status string `json:"status"`
}
