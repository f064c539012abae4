package kernel

import (
	"bytes"
	"testing"
)

func TestRuneBoundary(t *testing.T) {
	cases := []struct {
		b    []byte
		max  int
		want int
	}{
		{bytes.Repeat([]byte("a"), 10), 10, 10}, // exactly max long: the whole (this panicked)
		{bytes.Repeat([]byte("a"), 11), 10, 10},
		{append(bytes.Repeat([]byte("a"), 9), "é!"...), 10, 9}, // é spans bytes 9-10
		{append(bytes.Repeat([]byte("a"), 8), "é!"...), 10, 10},
	}
	for _, c := range cases {
		if got := runeBoundary(c.b, c.max); got != c.want {
			t.Errorf("runeBoundary(%q, %d) = %d, want %d", c.b, c.max, got, c.want)
		}
	}
}
