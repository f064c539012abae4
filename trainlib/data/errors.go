package data

import (
	"fmt"
	"strings"
)

// Error describes bad input: where it is (file, line, column, and the name of
// the CSV column), the offending text, what was expected there, and, when
// there is one, the option that would make the input acceptable.
//
// Line and Column are 1-based; Column counts characters (not bytes) from the
// start of the line. Either may be 0 when the problem has no single place
// (for example a file that is empty).
type Error struct {
	File     string
	Line     int
	Column   int
	Name     string // the CSV column's name, when known
	Text     string // the offending text, when there is one
	Expected string // what the reader expected instead
	Hint     string // the remedy, when there is one
}

// Error formats the problem as "file:line:column: column "name": got "text",
// expected …; hint".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Name != "" {
		fmt.Fprintf(&b, "column %q: ", e.Name)
	}
	switch {
	case e.Text != "":
		fmt.Fprintf(&b, "got %q, expected %s", clip(e.Text, 80), e.Expected)
	case e.Expected != "":
		fmt.Fprintf(&b, "expected %s", e.Expected)
	}
	if e.Hint != "" {
		if e.Text != "" || e.Expected != "" {
			b.WriteString("; ")
		}
		b.WriteString(e.Hint)
	}
	return b.String()
}

// clip shortens s to at most n bytes for an error message, keeping it valid
// UTF-8 (an invalid byte is shown by %q as an escape anyway).
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && cut < len(s) && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
