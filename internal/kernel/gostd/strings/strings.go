// Package strings adds to the standard library's strings package, for
// cells, the iterator functions of Go 1.24 the interpreter's symbol tables
// (Go 1.22) lack. See package gostd.
package strings

import (
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/gostd/iter"
)

// Lines yields the newline-terminated lines of s, each with its newline;
// a last line without one is yielded as it is.
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			line := s
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				line = s[:i+1]
			}
			s = s[len(line):]
			if !yield(line) {
				return
			}
		}
	}
}

// SplitSeq yields the parts strings.Split returns.
func SplitSeq(s, sep string) iter.Seq[string] { return each(strings.Split(s, sep)) }

// SplitAfterSeq yields the parts strings.SplitAfter returns.
func SplitAfterSeq(s, sep string) iter.Seq[string] { return each(strings.SplitAfter(s, sep)) }

// FieldsSeq yields the fields strings.Fields returns.
func FieldsSeq(s string) iter.Seq[string] { return each(strings.Fields(s)) }

// FieldsFuncSeq yields the fields strings.FieldsFunc returns.
func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
	return each(strings.FieldsFunc(s, f))
}

func each(parts []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, p := range parts {
			if !yield(p) {
				return
			}
		}
	}
}
