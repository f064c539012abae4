package wire

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"sync"

	"google.golang.org/grpc/mem"
)

// CodecName is the gRPC content-subtype of the cluster protocol.
const CodecName = "gotrain-gob"

// Codec encodes the cluster's messages with encoding/gob, but for those of
// a tree's inner loop, which take a compact binary form (binary.go). The
// messages are the gbdt seam's own structs, so there is no second schema
// to keep in step; gRPC bounds a message's size before the codec sees it,
// and the server decodes a request only after its secret checked out.
type Codec struct{}

// Marshal implements encoding.Codec.
func (Codec) Marshal(v any) ([]byte, error) {
	if b, ok, err := marshalBinary(v); ok {
		return b, err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return nil, fmt.Errorf("cluster wire: encode %T: %w", v, err)
	}
	return b.Bytes(), nil
}

// Unmarshal implements encoding.Codec.
func (Codec) Unmarshal(data []byte, v any) error {
	if len(data) > 0 && data[0] == binaryMark {
		if err := unmarshalBinary(data, v); err != nil {
			return fmt.Errorf("cluster wire: decode %T: %w", v, err)
		}
		return nil
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(v); err != nil {
		return fmt.Errorf("cluster wire: decode %T: %w", v, err)
	}
	return nil
}

// Name implements encoding.Codec.
func (Codec) Name() string { return CodecName }

// BufferCodec is Codec for gRPC's buffer interface (encoding.CodecV2): a
// received message that arrived in several buffers (HTTP/2 frames) is
// copied into a buffer kept for the next message, decoded, and the buffer
// put back, instead of into a new slice per message (what gRPC does for a
// Codec of plain slices: with 2 workers, 28 of the driver's 54 MB
// allocated in 50 trees of the 1M-row bench). gRPC's own buffer pool is
// not used: it clears a buffer's whole capacity on every Get, which a
// copy that overwrites it does not need. Decoded values never alias the
// message: the binary decoder and gob copy what they keep.
type BufferCodec struct{ Codec }

// Marshal implements encoding.CodecV2.
func (c BufferCodec) Marshal(v any) (mem.BufferSlice, error) {
	b, err := c.Codec.Marshal(v)
	if err != nil {
		return nil, err
	}
	return mem.BufferSlice{mem.SliceBuffer(b)}, nil
}

// Unmarshal implements encoding.CodecV2.
func (c BufferCodec) Unmarshal(data mem.BufferSlice, v any) error {
	if len(data) == 1 {
		return c.Codec.Unmarshal(data[0].ReadOnlyData(), v)
	}
	bp := messagePool.Get().(*[]byte)
	b := (*bp)[:0]
	for _, buf := range data {
		b = append(b, buf.ReadOnlyData()...)
	}
	err := c.Codec.Unmarshal(b, v)
	// Buffers of messages far larger than a tree level's stay out of
	// the pool.
	if cap(b) <= maxPooledMessage {
		*bp = b
		messagePool.Put(bp)
	}
	return err
}

// messagePool holds the buffers BufferCodec decodes messages from.
var messagePool = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledMessage is the largest buffer messagePool keeps.
const maxPooledMessage = 8 << 20
