package kernel

import (
	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// handleControl answers a control request at once, even while a cell runs.
func (k *Kernel) handleControl(req wire.Message) {
	idle := k.busy(req)
	defer idle()
	defer k.recoverHandler(req)
	k.handleControlOn(k.control, req)
}

// handleControlOn answers a control-type request on socket s.
func (k *Kernel) handleControlOn(s *socket, req wire.Message) {
	switch req.Header.MsgType {
	case wire.KernelInfoRequest:
		k.reply(s, req, wire.KernelInfoReply, k.kernelInfo())
	case wire.InterruptRequest:
		k.Interrupt()
		k.reply(s, req, wire.InterruptReply, wire.InterruptReplyContent{Status: wire.StatusOK})
	case wire.ShutdownRequest:
		c, err := wire.ParseShutdownRequest(req.Content)
		if err != nil {
			k.replyError(s, req, wire.ShutdownReply, err)
			return
		}
		r := wire.ShutdownReplyContent{Status: wire.StatusOK, Restart: c.Restart}
		k.reply(s, req, wire.ShutdownReply, r)
		k.publish(req.Header, wire.ShutdownReply, r)
		k.Interrupt()
		k.Shutdown()
	default:
		k.log.Printf("%s: unsupported message type %q; ignored", s.name, req.Header.MsgType)
	}
}
