package wire

import (
	"bytes"
	"encoding/gob"
	"fmt"
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
