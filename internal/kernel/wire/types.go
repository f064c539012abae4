package wire

// Message types of protocol 5.3. Handlers dispatch on these constants, never
// on string literals.
const (
	KernelInfoRequest = "kernel_info_request"
	KernelInfoReply   = "kernel_info_reply"
	ExecuteRequest    = "execute_request"
	ExecuteReply      = "execute_reply"
	CompleteRequest   = "complete_request"
	CompleteReply     = "complete_reply"
	InspectRequest    = "inspect_request"
	InspectReply      = "inspect_reply"
	IsCompleteRequest = "is_complete_request"
	IsCompleteReply   = "is_complete_reply"
	HistoryRequest    = "history_request"
	HistoryReply      = "history_reply"
	CommInfoRequest   = "comm_info_request"
	CommInfoReply     = "comm_info_reply"
	CommOpen          = "comm_open"
	CommMsg           = "comm_msg"
	CommClose         = "comm_close"
	ShutdownRequest   = "shutdown_request"
	ShutdownReply     = "shutdown_reply"
	InterruptRequest  = "interrupt_request"
	InterruptReply    = "interrupt_reply"
	InputRequest      = "input_request"
	InputReply        = "input_reply"

	Status            = "status"
	Stream            = "stream"
	ExecuteInput      = "execute_input"
	ExecuteResult     = "execute_result"
	DisplayData       = "display_data"
	UpdateDisplayData = "update_display_data"
	ClearOutput       = "clear_output"
	Error             = "error"
)

// Execution states published in status messages.
const (
	StateStarting = "starting"
	StateBusy     = "busy"
	StateIdle     = "idle"
)

// Reply statuses.
const (
	StatusOK      = "ok"
	StatusError   = "error"
	StatusAborted = "aborted"
)
