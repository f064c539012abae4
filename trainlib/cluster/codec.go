package cluster

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// codecName is the gRPC content-subtype of the cluster protocol.
const codecName = "gotrain-gob"

// gobCodec encodes the cluster's messages with encoding/gob. The messages
// are the gbdt seam's own structs, so there is no second schema to keep in
// step; gRPC bounds a message's size before the codec sees it, and the
// server decodes a request only after its secret checked out.
type gobCodec struct{}

// Marshal implements encoding.Codec.
func (gobCodec) Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return nil, fmt.Errorf("cluster: encode %T: %w", v, err)
	}
	return b.Bytes(), nil
}

// Unmarshal implements encoding.Codec.
func (gobCodec) Unmarshal(data []byte, v any) error {
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(v); err != nil {
		return fmt.Errorf("cluster: decode %T: %w", v, err)
	}
	return nil
}

// Name implements encoding.Codec.
func (gobCodec) Name() string { return codecName }
