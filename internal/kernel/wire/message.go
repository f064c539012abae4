package wire

import (
	"encoding/json"
	"time"
)

// ProtocolVersion is the messaging protocol version this codec speaks; it goes
// into every header.
const ProtocolVersion = "5.3"

// Delimiter separates the routing identities from the signed part of a message.
const Delimiter = "<IDS|MSG>"

// Header identifies one message (header and parent_header frames).
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one decoded Jupyter message. Content is kept raw so a handler
// can decode it into the struct its MsgType calls for (see DecodeContent).
type Message struct {
	// Identities are the ROUTER routing frames; replies must carry them back.
	Identities [][]byte
	Header     Header
	// Parent is the zero Header when the message has no parent.
	Parent   Header
	Metadata map[string]any
	Content  json.RawMessage
	Buffers  [][]byte
}

// NewHeader returns a header for a new message of type msgType in session,
// stamped now; msgID must be fresh (a uuid) for every message.
func NewHeader(msgID, session, msgType string, now time.Time) Header {
	return Header{
		MsgID:    msgID,
		Session:  session,
		Username: "kernel",
		Date:     now.UTC().Format("2006-01-02T15:04:05.000000Z07:00"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}
