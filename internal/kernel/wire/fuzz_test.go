package wire

import (
	"bytes"
	"testing"
	"time"
)

// frameSep splits the fuzzer's byte string into frames.
var frameSep = []byte{0xff, 0x00, 0xff}

// FuzzDecode feeds arbitrary frames to Decode: it must never panic, and
// whatever it accepts must survive an Encode/Decode round trip.
func FuzzDecode(f *testing.F) {
	for _, key := range [][]byte{nil, []byte("k")} {
		m := sampleMessage()
		frames, _ := Encode(m, key)
		f.Add(bytes.Join(frames, frameSep), key)
		m.Identities = nil
		m.Buffers = nil
		frames, _ = Encode(m, key)
		f.Add(bytes.Join(frames, frameSep), key)
	}
	st, _ := Encode(Message{Header: NewHeader("x", "y", Status, time.Unix(1, 0))}, nil)
	f.Add(bytes.Join(st, frameSep), []byte(nil))
	f.Add([]byte("<IDS|MSG>"), []byte(nil))
	f.Add([]byte("<IDS|MSG>\xff\x00\xff\xff\x00\xff{}\xff\x00\xff{}\xff\x00\xff{}\xff\x00\xff{}"), []byte(nil))
	f.Add([]byte("id\xff\x00\xff<IDS|MSG>\xff\x00\xffsig\xff\x00\xff{\"msg_id\":\"1\",\"msg_type\":\"t\"}\xff\x00\xffnull\xff\x00\xff{}\xff\x00\xff{}"), []byte("key"))
	f.Fuzz(func(t *testing.T, data, key []byte) {
		frames := bytes.Split(data, frameSep)
		m, err := Decode(frames, key)
		if err != nil {
			return
		}
		again, err := Encode(m, key)
		if err != nil {
			t.Fatalf("re-encode of an accepted message failed: %v", err)
		}
		m2, err := Decode(again, key)
		if err != nil {
			t.Fatalf("re-decode failed: %v", err)
		}
		if m2.Header != m.Header || len(m2.Identities) != len(m.Identities) || len(m2.Buffers) != len(m.Buffers) {
			t.Fatalf("round trip changed the message: %+v vs %+v", m, m2)
		}
	})
}
