package kernel

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// serveShell answers shell requests one at a time, in arrival order.
func (k *Kernel) serveShell() {
	for {
		req, ok := k.queue.pop()
		if !ok {
			return
		}
		k.handleShell(req)
	}
}

func (k *Kernel) handleShell(req wire.Message) {
	idle := k.busy(req)
	defer idle()
	defer k.recoverHandler(req)
	switch req.Header.MsgType {
	case wire.ExecuteRequest:
		k.execute(req)
	case wire.KernelInfoRequest:
		k.reply(k.shell, req, wire.KernelInfoReply, k.kernelInfo())
	case wire.CompleteRequest:
		k.complete(req)
	case wire.InspectRequest:
		k.inspect(req)
	case wire.IsCompleteRequest:
		k.isComplete(req)
	case wire.HistoryRequest:
		k.historyRequest(req)
	case wire.CommInfoRequest:
		k.reply(k.shell, req, wire.CommInfoReply, wire.CommInfoReplyContent{Status: wire.StatusOK, Comms: map[string]map[string]any{}})
	case wire.CommOpen:
		k.commOpen(req)
	case wire.CommMsg, wire.CommClose:
		k.log.Printf("shell: %s for a comm this kernel never opened; ignored", req.Header.MsgType)
	case wire.ShutdownRequest, wire.InterruptRequest:
		// Allowed on shell by older clients; answered on shell.
		k.handleControlOn(k.shell, req)
	default:
		k.log.Printf("shell: unknown message type %q; ignored", req.Header.MsgType)
	}
}

// recoverHandler turns a panic while answering req into a logged error; the
// kernel keeps serving.
func (k *Kernel) recoverHandler(req wire.Message) {
	if r := recover(); r != nil {
		buf := make([]byte, 8<<10)
		buf = buf[:runtime.Stack(buf, false)]
		k.log.Printf("internal error answering %s: %v\n%s", req.Header.MsgType, r, buf)
	}
}

// kernelInfo is the kernel_info_reply content.
func (k *Kernel) kernelInfo() wire.KernelInfoReplyContent {
	goVersion := strings.TrimPrefix(runtime.Version(), "go")
	return wire.KernelInfoReplyContent{
		Status:                wire.StatusOK,
		ProtocolVersion:       wire.ProtocolVersion,
		Implementation:        "gotrain",
		ImplementationVersion: k.cfg.Version,
		LanguageInfo: wire.LanguageInfo{
			Name:           "go",
			Version:        goVersion,
			Mimetype:       "text/x-go",
			FileExtension:  ".go",
			PygmentsLexer:  "go",
			CodemirrorMode: "go",
		},
		Banner: fmt.Sprintf("gotrain %s — Go in Jupyter (yaegi interpreter, Go %s)", k.cfg.Version, goVersion),
		HelpLinks: []wire.HelpLink{
			{Text: "Go documentation", URL: "https://go.dev/doc/"},
			{Text: "Go standard library", URL: "https://pkg.go.dev/std"},
			{Text: "gotrain", URL: "https://github.com/gotrain/gotrain"},
		},
	}
}

func (k *Kernel) complete(req wire.Message) {
	c, err := wire.ParseCompleteRequest(req.Content)
	if err != nil {
		k.replyError(k.shell, req, wire.CompleteReply, err)
		return
	}
	r := k.cfg.Session.Complete(c.Code, c.CursorPos)
	matches := r.Matches
	if matches == nil {
		matches = []string{}
	}
	meta := r.Metadata
	if meta == nil {
		meta = map[string]any{}
	}
	k.reply(k.shell, req, wire.CompleteReply, wire.CompleteReplyContent{
		Status: wire.StatusOK, Matches: matches, CursorStart: r.Start, CursorEnd: r.End, Metadata: meta,
	})
}

func (k *Kernel) inspect(req wire.Message) {
	c, err := wire.ParseInspectRequest(req.Content)
	if err != nil {
		k.replyError(k.shell, req, wire.InspectReply, err)
		return
	}
	data, found := k.cfg.Session.Inspect(c.Code, c.CursorPos, c.DetailLevel)
	if data == nil {
		data = map[string]any{}
	}
	k.reply(k.shell, req, wire.InspectReply, wire.InspectReplyContent{
		Status: wire.StatusOK, Found: found, Data: data, Metadata: map[string]any{},
	})
}

func (k *Kernel) isComplete(req wire.Message) {
	c, err := wire.ParseIsCompleteRequest(req.Content)
	if err != nil {
		k.replyError(k.shell, req, wire.IsCompleteReply, err)
		return
	}
	status, indent := k.cfg.Session.IsComplete(c.Code)
	r := wire.IsCompleteReplyContent{Status: status}
	if status == "incomplete" {
		r.Indent = &indent
	}
	k.reply(k.shell, req, wire.IsCompleteReply, r)
}

// commOpen refuses every comm: this kernel registers no comm targets, so
// it closes the comm at once, as Jupyter expects for an unknown target.
func (k *Kernel) commOpen(req wire.Message) {
	c, err := wire.ParseCommOpen(req.Content)
	if err != nil {
		k.log.Printf("shell: dropped comm_open: %v", err)
		return
	}
	k.log.Printf("shell: no comm target %q; closing comm %s", c.TargetName, c.CommID)
	k.publish(req.Header, wire.CommClose, wire.CommOpenContent{CommID: c.CommID, Data: map[string]any{}})
}

// replyError answers req with status error for a request that could not be
// decoded.
func (k *Kernel) replyError(s *socket, req wire.Message, msgType string, err error) {
	k.log.Printf("%s: bad %s: %v", s.name, req.Header.MsgType, err)
	k.reply(s, req, msgType, errorReply{Status: wire.StatusError, ErrorContent: wire.ErrorContent{
		EName: "BadRequest", EValue: err.Error(), Traceback: []string{err.Error()},
	}})
}

// errorReply is a reply with status error.
type errorReply struct {
	Status string `json:"status"`
	wire.ErrorContent
}
