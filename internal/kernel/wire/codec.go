package wire

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Limits cap what Decode accepts; they are checked before anything is
// allocated for the message.
type Limits struct {
	// MaxFrames caps the number of frames (identities, delimiter, the five
	// signed parts and buffers together).
	MaxFrames int
	// MaxHeaderBytes caps each of the signature, header, parent and metadata frames.
	MaxHeaderBytes int
	// MaxTotalBytes caps the sum of all frame lengths.
	MaxTotalBytes int
}

// DefaultLimits suit a notebook client: 32 MiB of cell source or comm data
// is far beyond what a person types, small enough to refuse a memory bomb.
var DefaultLimits = Limits{MaxFrames: 256, MaxHeaderBytes: 64 << 10, MaxTotalBytes: 32 << 20}

// ErrBadSignature reports a missing or wrong HMAC signature.
var ErrBadSignature = errors.New("wire: signature does not match the connection key (is the client using this kernel's connection file?)")

// Decode parses and verifies the frames of one message under DefaultLimits.
// An empty key accepts any signature, as Jupyter does when signing is off.
func Decode(frames [][]byte, key []byte) (Message, error) {
	return DecodeLimits(frames, key, DefaultLimits)
}

// DecodeLimits is Decode with explicit limits.
func DecodeLimits(frames [][]byte, key []byte, lim Limits) (Message, error) {
	var m Message
	if len(frames) > lim.MaxFrames {
		return m, fmt.Errorf("wire: %d frames, more than the limit of %d", len(frames), lim.MaxFrames)
	}
	total := 0
	for _, f := range frames {
		total += len(f)
		if total > lim.MaxTotalBytes {
			return m, fmt.Errorf("wire: message larger than the limit of %d bytes", lim.MaxTotalBytes)
		}
	}
	delim := -1
	for i, f := range frames {
		if string(f) == Delimiter {
			delim = i
			break
		}
	}
	if delim < 0 {
		return m, fmt.Errorf("wire: no %q delimiter frame among %d frames", Delimiter, len(frames))
	}
	signed := frames[delim+1:]
	if len(signed) < 5 {
		return m, fmt.Errorf("wire: %d frames after the delimiter, want at least 5 (signature, header, parent_header, metadata, content)", len(signed))
	}
	names := [...]string{"signature", "header", "parent_header", "metadata"}
	for i, n := range names {
		if len(signed[i]) > lim.MaxHeaderBytes {
			return m, fmt.Errorf("wire: %s frame of %d bytes exceeds the limit of %d", n, len(signed[i]), lim.MaxHeaderBytes)
		}
	}
	if len(key) > 0 && !validSignature(key, signed[0], signed[1:5]) {
		return m, ErrBadSignature
	}
	if err := json.Unmarshal(signed[1], &m.Header); err != nil {
		return m, fmt.Errorf("wire: header frame: %w", err)
	}
	if m.Header.MsgType == "" || m.Header.MsgID == "" {
		return m, errors.New("wire: header frame lacks msg_type or msg_id")
	}
	if err := decodeParent(signed[2], &m.Parent); err != nil {
		return m, err
	}
	if err := decodeObject(signed[3], &m.Metadata); err != nil {
		return m, fmt.Errorf("wire: metadata frame: %w", err)
	}
	if !isObject(signed[4]) || !json.Valid(signed[4]) {
		return m, errors.New("wire: content frame is not a JSON object")
	}
	m.Content = bytes.Clone(signed[4])
	if delim > 0 {
		m.Identities = cloneFrames(frames[:delim])
	}
	if len(signed) > 5 {
		m.Buffers = cloneFrames(signed[5:])
	}
	return m, nil
}

// Encode turns msg into frames signed with key (unsigned when key is empty).
// A zero Parent is sent as {}, a nil Metadata or Content as {}.
func Encode(msg Message, key []byte) ([][]byte, error) {
	header, err := json.Marshal(msg.Header)
	if err != nil {
		return nil, fmt.Errorf("wire: encode header: %w", err)
	}
	parent := []byte("{}")
	if msg.Parent != (Header{}) {
		if parent, err = json.Marshal(msg.Parent); err != nil {
			return nil, fmt.Errorf("wire: encode parent_header: %w", err)
		}
	}
	meta := []byte("{}")
	if msg.Metadata != nil {
		if meta, err = json.Marshal(msg.Metadata); err != nil {
			return nil, fmt.Errorf("wire: encode metadata: %w", err)
		}
	}
	content := []byte(msg.Content)
	if len(content) == 0 {
		content = []byte("{}")
	}
	frames := make([][]byte, 0, len(msg.Identities)+6+len(msg.Buffers))
	frames = append(frames, msg.Identities...)
	frames = append(frames, []byte(Delimiter), sign(key, [][]byte{header, parent, meta, content}), header, parent, meta, content)
	frames = append(frames, msg.Buffers...)
	return frames, nil
}

// sign returns the hex HMAC-SHA256 of parts, or an empty frame without a key.
func sign(key []byte, parts [][]byte) []byte {
	if len(key) == 0 {
		return []byte{}
	}
	mac := hmac.New(sha256.New, key)
	for _, p := range parts {
		mac.Write(p)
	}
	return []byte(hex.EncodeToString(mac.Sum(nil)))
}

// validSignature compares in constant time (for a well-formed signature).
func validSignature(key, sig []byte, parts [][]byte) bool {
	if len(sig) != hex.EncodedLen(sha256.Size) {
		return false
	}
	var got [sha256.Size]byte
	if _, err := hex.Decode(got[:], sig); err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	for _, p := range parts {
		mac.Write(p)
	}
	return hmac.Equal(got[:], mac.Sum(nil))
}

func decodeParent(b []byte, h *Header) error {
	if !isObject(b) {
		return errors.New("wire: parent_header frame is not a JSON object")
	}
	if err := json.Unmarshal(b, h); err != nil {
		return fmt.Errorf("wire: parent_header frame: %w", err)
	}
	return nil
}

func decodeObject(b []byte, m *map[string]any) error {
	if !isObject(b) {
		return errors.New("not a JSON object")
	}
	return json.Unmarshal(b, m)
}

// isObject reports whether b starts (after blanks) with '{'.
func isObject(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

func cloneFrames(fs [][]byte) [][]byte {
	out := make([][]byte, len(fs))
	for i, f := range fs {
		out[i] = bytes.Clone(f)
		if out[i] == nil {
			out[i] = []byte{}
		}
	}
	return out
}
