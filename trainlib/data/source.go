package data

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// source is one input: a file, or bytes handed in by the caller.
type source struct {
	name string
	open func() (io.ReadCloser, error)
	size int64 // bytes, or -1 when unknown
}

func fileSource(path string) source {
	size := int64(-1)
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	return source{name: path, size: size, open: func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("data: %w", err)
		}
		return f, nil
	}}
}

func bytesSource(name string, b []byte) source {
	return source{name: name, size: int64(len(b)), open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(b)), nil
	}}
}
