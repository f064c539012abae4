package data

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// splitPlain cuts a quote-free record at every delimiter, as bytes.Split
// does: seeded random records of delimiters, bytes 0x01 and 0x80-0xff
// (around the word trick's borrow), text and spaces, for three delimiters,
// each record at every length up to 40 bytes.
func TestSplitPlainMatchesSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for _, comma := range []byte{',', ';', ' '} {
		alphabet := []byte{comma, comma, 0x01, 0x81, 0xff, 'a', '1', '.', '\t', comma + 1, comma - 1}
		for range 20000 {
			raw := make([]byte, rng.IntN(41))
			for i := range raw {
				raw[i] = alphabet[rng.IntN(len(alphabet))]
			}
			rr := &recordReader{comma: comma, maxCols: 1 << 20, raw: raw}
			if !rr.splitPlain() {
				t.Fatalf("%q refused", raw)
			}
			want := bytes.Split(raw, []byte{comma})
			var got []string
			for _, f := range rr.fields {
				if !bytes.Equal(raw[f.off:f.off+len(f.text)], f.text) {
					t.Fatalf("%q: field %q at offset %d", raw, f.text, f.off)
				}
				got = append(got, string(f.text))
			}
			if strings.Join(got, "\x00") != string(bytes.Join(want, []byte{0})) || len(got) != len(want) {
				t.Fatalf("%q split by %q: %q, want %q", raw, comma, got, want)
			}
		}
	}
	rr := &recordReader{comma: ',', maxCols: 3, raw: []byte("1,2,3,4")}
	if rr.splitPlain() {
		t.Errorf("4 fields accepted with at most 3 columns")
	}
}
