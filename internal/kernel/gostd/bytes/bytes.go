// Package bytes adds to the standard library's bytes package, for cells,
// the iterator functions of Go 1.24 the interpreter's symbol tables (Go
// 1.22) lack. See package gostd.
package bytes

import (
	"bytes"
	"unicode/utf8"

	"github.com/gotrain/gotrain/internal/kernel/gostd/iter"
)

// Lines yields the newline-terminated lines of s, each with its newline
// (a last line without one as it is); each is a full slice expression of
// s, so appending to one does not write over the next.
func Lines(s []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for len(s) > 0 {
			n := len(s)
			if i := bytes.IndexByte(s, '\n'); i >= 0 {
				n = i + 1
			}
			line := s[:n:n]
			s = s[n:]
			if !yield(line) {
				return
			}
		}
	}
}

// SplitSeq yields the parts bytes.Split returns, each a full slice
// expression of s.
func SplitSeq(s, sep []byte) iter.Seq[[]byte] { return split(s, sep, 0) }

// SplitAfterSeq yields the parts bytes.SplitAfter returns, each a full
// slice expression of s.
func SplitAfterSeq(s, sep []byte) iter.Seq[[]byte] { return split(s, sep, len(sep)) }

// split yields the parts of s around sep, keeping keep bytes of each sep
// with the part before it; an empty sep splits s into its UTF-8
// sequences.
func split(s, sep []byte, keep int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, n := utf8.DecodeRune(s)
				if !yield(s[:n:n]) {
					return
				}
				s = s[n:]
			}
			return
		}
		for {
			i := bytes.Index(s, sep)
			if i < 0 {
				break
			}
			n := i + keep
			if !yield(s[:n:n]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s[:len(s):len(s)])
	}
}

// FieldsSeq yields the fields bytes.Fields returns.
func FieldsSeq(s []byte) iter.Seq[[]byte] { return each(bytes.Fields(s)) }

// FieldsFuncSeq yields the fields bytes.FieldsFunc returns.
func FieldsFuncSeq(s []byte, f func(rune) bool) iter.Seq[[]byte] {
	return each(bytes.FieldsFunc(s, f))
}

func each(parts [][]byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for _, p := range parts {
			if !yield(p) {
				return
			}
		}
	}
}
