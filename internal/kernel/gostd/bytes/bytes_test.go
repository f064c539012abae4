package bytes_test

import (
	stdbytes "bytes"
	"slices"
	"testing"
	"unicode"

	"github.com/gotrain/gotrain/internal/kernel/gostd/bytes"
)

// The iterator functions against the standard library's on the same
// bytes: the same parts, with the same capacities (what an append to a
// part may overwrite).
func TestMatchGo(t *testing.T) {
	for _, s := range []string{"", "a", "a,b,,c", ",", "x\ny\n", "x\ny", "\n\n", "  two  words ", "héllo wörld"} {
		b := []byte(s)
		for _, sep := range []string{",", "", "\n", "wo"} {
			check(t, "SplitSeq", s, collect(bytes.SplitSeq(b, []byte(sep))), slices.Collect(stdbytes.SplitSeq(b, []byte(sep))))
			check(t, "SplitAfterSeq", s, collect(bytes.SplitAfterSeq(b, []byte(sep))), slices.Collect(stdbytes.SplitAfterSeq(b, []byte(sep))))
		}
		check(t, "Lines", s, collect(bytes.Lines(b)), slices.Collect(stdbytes.Lines(b)))
		check(t, "FieldsSeq", s, collect(bytes.FieldsSeq(b)), slices.Collect(stdbytes.FieldsSeq(b)))
		check(t, "FieldsFuncSeq", s, collect(bytes.FieldsFuncSeq(b, unicode.IsPunct)), slices.Collect(stdbytes.FieldsFuncSeq(b, unicode.IsPunct)))
	}
}

// A loop that stops early gets the parts up to there.
func TestBreak(t *testing.T) {
	var got []string
	for _, seq := range []func(func([]byte) bool){bytes.SplitSeq([]byte("a b c"), []byte(" ")), bytes.Lines([]byte("a\nb\nc"))} {
		seq(func(p []byte) bool { got = append(got, string(p)); return false })
	}
	if !slices.Equal(got, []string{"a", "a\n"}) {
		t.Errorf("first parts %q, want [a a\\n]", got)
	}
}

func check(t *testing.T, fn, s string, got, want [][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s(%q) = %q, Go %q", fn, s, got, want)
		return
	}
	for i := range got {
		if !stdbytes.Equal(got[i], want[i]) || cap(got[i]) != cap(want[i]) {
			t.Errorf("%s(%q) part %d = %q (cap %d), Go %q (cap %d)", fn, s, i, got[i], cap(got[i]), want[i], cap(want[i]))
		}
	}
}

func collect(seq func(func([]byte) bool)) [][]byte {
	var out [][]byte
	seq(func(b []byte) bool { out = append(out, b); return true })
	return out
}
