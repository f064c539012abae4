package strings_test

import (
	"slices"
	stdstrings "strings"
	"testing"
	"unicode"

	"github.com/gotrain/gotrain/internal/kernel/gostd/strings"
)

// The iterator functions against the standard library's on the same
// strings.
func TestMatchGo(t *testing.T) {
	for _, s := range []string{"", "a", "a,b,,c", ",", "x\ny\n", "x\ny", "\n\n", "  two  words ", "héllo wörld"} {
		for _, sep := range []string{",", "", "\n", "wo"} {
			if g, w := collect(strings.SplitSeq(s, sep)), slices.Collect(stdstrings.SplitSeq(s, sep)); !slices.Equal(g, w) {
				t.Errorf("SplitSeq(%q, %q) = %q, Go %q", s, sep, g, w)
			}
			if g, w := collect(strings.SplitAfterSeq(s, sep)), slices.Collect(stdstrings.SplitAfterSeq(s, sep)); !slices.Equal(g, w) {
				t.Errorf("SplitAfterSeq(%q, %q) = %q, Go %q", s, sep, g, w)
			}
		}
		if g, w := collect(strings.Lines(s)), slices.Collect(stdstrings.Lines(s)); !slices.Equal(g, w) {
			t.Errorf("Lines(%q) = %q, Go %q", s, g, w)
		}
		if g, w := collect(strings.FieldsSeq(s)), slices.Collect(stdstrings.FieldsSeq(s)); !slices.Equal(g, w) {
			t.Errorf("FieldsSeq(%q) = %q, Go %q", s, g, w)
		}
		if g, w := collect(strings.FieldsFuncSeq(s, unicode.IsPunct)), slices.Collect(stdstrings.FieldsFuncSeq(s, unicode.IsPunct)); !slices.Equal(g, w) {
			t.Errorf("FieldsFuncSeq(%q) = %q, Go %q", s, g, w)
		}
	}
}

func collect(seq func(func(string) bool)) []string {
	var out []string
	seq(func(s string) bool { out = append(out, s); return true })
	return out
}
