package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

var testKey = []byte("0123456789abcdef-test-key")

func sampleMessage() Message {
	return Message{
		Identities: [][]byte{[]byte("client-1"), []byte("proxy")},
		Header:     NewHeader("m1", "s1", ExecuteRequest, time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)),
		Parent:     NewHeader("p1", "s0", KernelInfoRequest, time.Unix(0, 0)),
		Metadata:   map[string]any{"k": "v"},
		Content:    json.RawMessage(`{"code":"1+1","silent":false}`),
		Buffers:    [][]byte{[]byte("buf")},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, key := range [][]byte{testKey, nil} {
		m := sampleMessage()
		frames, err := Encode(m, key)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(frames, key)
		if err != nil {
			t.Fatalf("key %q: %v", key, err)
		}
		if got.Header != m.Header || got.Parent != m.Parent {
			t.Errorf("headers differ: %+v / %+v", got.Header, got.Parent)
		}
		if len(got.Identities) != 2 || string(got.Identities[1]) != "proxy" {
			t.Errorf("identities = %q", got.Identities)
		}
		if string(got.Content) != string(m.Content) || got.Metadata["k"] != "v" {
			t.Errorf("content %s metadata %v", got.Content, got.Metadata)
		}
		if len(got.Buffers) != 1 || string(got.Buffers[0]) != "buf" {
			t.Errorf("buffers = %q", got.Buffers)
		}
	}
}

func TestHeaderFormat(t *testing.T) {
	h := NewHeader("id", "sess", Status, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if h.Version != "5.3" || h.Date != "2026-01-02T03:04:05.000000Z" || h.Username == "" {
		t.Errorf("header = %+v", h)
	}
}

func TestEncodeEmptyParts(t *testing.T) {
	frames, err := Encode(Message{Header: NewHeader("a", "b", Status, time.Now())}, testKey)
	if err != nil {
		t.Fatal(err)
	}
	if len(frames) != 6 || string(frames[3]) != "{}" || string(frames[4]) != "{}" || string(frames[5]) != "{}" {
		t.Errorf("frames = %q", frames)
	}
	if len(frames[1]) != 64 {
		t.Errorf("signature %q is not 64 hex digits", frames[1])
	}
}

func TestSignatureChecks(t *testing.T) {
	frames, _ := Encode(sampleMessage(), testKey)
	if _, err := Decode(frames, []byte("another key")); !errors.Is(err, ErrBadSignature) {
		t.Errorf("wrong key: err = %v", err)
	}
	tampered := clone(frames)
	sig := tampered[3]
	tampered[3] = bytes.Replace(sig, sig[:1], []byte{sig[0] ^ 1}, 1)
	if _, err := Decode(tampered, testKey); !errors.Is(err, ErrBadSignature) {
		t.Errorf("tampered signature: err = %v", err)
	}
	unsigned, _ := Encode(sampleMessage(), nil)
	if _, err := Decode(unsigned, testKey); !errors.Is(err, ErrBadSignature) {
		t.Errorf("unsigned message accepted under a key: %v", err)
	}
	body := clone(frames)
	body[7] = []byte(`{"code":"os.Exit(1)"}`)
	if _, err := Decode(body, testKey); !errors.Is(err, ErrBadSignature) {
		t.Errorf("changed content accepted: %v", err)
	}
}

func TestMalformed(t *testing.T) {
	good, _ := Encode(sampleMessage(), nil)
	d := 2 // index of the delimiter in good
	cases := map[string]struct {
		frames [][]byte
		want   string
	}{
		"no delimiter":      {[][]byte{[]byte("x")}, "delimiter"},
		"too few frames":    {good[:d+4], "at least 5"},
		"header not json":   {replace(good, d+2, "{nope"), "header"},
		"header no type":    {replace(good, d+2, `{"msg_id":"x"}`), "msg_type"},
		"header wrong type": {replace(good, d+2, `{"msg_id":1,"msg_type":"x"}`), "header"},
		"parent array":      {replace(good, d+3, `[]`), "parent_header"},
		"metadata string":   {replace(good, d+4, `"x"`), "metadata"},
		"content array":     {replace(good, d+5, `[1]`), "content"},
		"content truncated": {replace(good, d+5, `{"code":`), "content"},
		"nil frames":        {nil, "delimiter"},
	}
	for name, c := range cases {
		_, err := Decode(c.frames, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want mention of %q", name, err, c.want)
		}
	}
}

func TestLimits(t *testing.T) {
	m := sampleMessage()
	m.Content = json.RawMessage(`{"code":"` + strings.Repeat("x", 2000) + `"}`)
	frames, _ := Encode(m, testKey)
	lim := Limits{MaxFrames: 256, MaxHeaderBytes: 1024, MaxTotalBytes: 1000}
	if _, err := DecodeLimits(frames, testKey, lim); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized message: err = %v", err)
	}
	many := make([][]byte, 300)
	if _, err := Decode(many, nil); err == nil || !strings.Contains(err.Error(), "frames") {
		t.Errorf("too many frames: err = %v", err)
	}
	big := sampleMessage()
	big.Metadata = map[string]any{"x": strings.Repeat("y", 70<<10)}
	frames, _ = Encode(big, nil)
	if _, err := Decode(frames, nil); err == nil || !strings.Contains(err.Error(), "metadata") {
		t.Errorf("oversized metadata: err = %v", err)
	}
}

func clone(fs [][]byte) [][]byte {
	out := make([][]byte, len(fs))
	for i := range fs {
		out[i] = bytes.Clone(fs[i])
	}
	return out
}

func replace(fs [][]byte, i int, s string) [][]byte {
	out := clone(fs)
	out[i] = []byte(s)
	return out
}
