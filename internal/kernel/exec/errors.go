package exec

import (
	"errors"
	"fmt"
	"go/scanner"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/traefik/yaegi/interp"

	"github.com/gotrain/gotrain/kernel/display"
)

// ANSI colours used in tracebacks, as Jupyter front ends render them.
const (
	red   = "\x1b[31m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// cellPos matches a position in a cell as the parser and yaegi print it.
var cellPos = regexp.MustCompile(`(?:^|\s)` + cellFile + `:(\d+):(\d+)`)

// compileError turns a parse or compile error into the cell's error: each
// position it names in the cell gets the source line and a caret.
func compileError(code string, err error) *Error {
	var list scanner.ErrorList
	var msgs []string
	if errors.As(err, &list) {
		for _, e := range list {
			msgs = append(msgs, fmt.Sprintf("%s:%d:%d: %s", cellFile, e.Pos.Line, e.Pos.Column, e.Msg))
		}
	} else {
		msgs = strings.Split(strings.TrimSpace(err.Error()), "\n")
	}
	var tb []string
	for _, m := range msgs {
		tb = append(tb, red+bold+"CompileError"+reset+": "+m)
		if m := cellPos.FindStringSubmatch(m); m != nil {
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			tb = append(tb, sourceCaret(code, line, col)...)
		}
	}
	return &Error{Name: "CompileError", Value: strings.Join(msgs, "; "), Traceback: tb}
}

// sourceCaret returns the cell's line and a caret under byte column col.
func sourceCaret(code string, line, col int) []string {
	lines := strings.Split(code, "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	src := lines[line-1]
	if col < 1 {
		col = 1
	}
	if col-1 > len(src) {
		col = len(src) + 1
	}
	var pad strings.Builder
	for _, r := range src[:col-1] {
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	_ = utf8.RuneLen
	return []string{"    " + src, "    " + pad.String() + red + "^" + reset}
}

// panicError describes a panic: its value, and where in the cell it
// happened (the innermost interpreted frame first).
func (s *Session) panicError(r any, trace []string, where string) *Error {
	if p, ok := r.(interp.Panic); ok {
		r = p.Value
	}
	if e, ok := r.(exitPanic); ok {
		return &Error{Name: "Exit", Value: e.Error(), Traceback: []string{red + bold + "Exit" + reset + ": " + e.Error()}}
	}
	val := fmt.Sprint(r)
	if m := valuePos.FindStringSubmatch(val); m != nil {
		// yaegi names the failing node itself ("cell:2:5: interface
		// conversion: …"): that is the innermost frame's place.
		val = val[len(m[0]):]
		if len(trace) == 0 {
			trace = []string{m[1]}
		} else {
			trace = append([]string{m[1]}, trace[1:]...)
		}
	}
	name := "panic"
	raw := ""
	if goMsg, ok := asGoRuntimeError(val); ok {
		val, raw = goMsg, val
	}
	if ce, ok := r.(*display.CheckError); ok {
		// display.Check(err): the error is the cell's result, not a crash.
		name, val, raw = "Error", ce.Err.Error(), ""
		trace = trace[:min(len(trace), 1)]
	}
	head := red + bold + name + reset + ": " + val
	if where != "" {
		head += " (" + where + ")"
	}
	tb := []string{head}
	if raw != "" {
		tb = append(tb, "(the interpreter reported it as: "+raw+")")
	}
	const maxFrames = 20
	if len(trace) > maxFrames {
		more := len(trace) - maxFrames
		trace = append(trace[:maxFrames:maxFrames], fmt.Sprintf("… %d more frames", more))
	}
	for i, pos := range trace {
		if i == len(trace)-1 && strings.HasPrefix(pos, "… ") {
			tb = append(tb, pos)
			continue
		}
		if i == 0 {
			tb = append(tb, "at "+pos)
		} else {
			tb = append(tb, "called from "+pos)
		}
	}
	return &Error{Name: name, Value: val, Traceback: tb}
}

// withSource adds the cell's source line and caret under the first cell
// position in a traceback.
func withSource(e *Error, code string) *Error {
	for i, l := range e.Traceback {
		if m := cellPos.FindStringSubmatch(l); m != nil {
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			src := sourceCaret(code, line, col)
			tb := append([]string{}, e.Traceback[:i+1]...)
			tb = append(tb, src...)
			e.Traceback = append(tb, e.Traceback[i+1:]...)
			return e
		}
	}
	return e
}

// valuePos is a cell position heading a panic's value.
var valuePos = regexp.MustCompile(`^(` + cellFile + `:\d+:\d+): `)

// sliceBounds is how reflect reports a slice expression out of range.
var sliceBounds = regexp.MustCompile(`^reflect\.Value\.Slice3?: (string )?slice index out of bounds`)

// zeroValueCall is how reflect reports what yaegi does with the zero Value
// it gets from dereferencing a nil pointer (also to pass as an argument),
// and how it reports calling a nil function or a method of a nil
// interface: all three are nil dereferences in Go.
var zeroValueCall = regexp.MustCompile(`^reflect: call of reflect\.Value\.\w+ on zero Value|^reflect: indirection through nil pointer|^reflect: Call using zero Value argument|^reflect\.Value\.Call: call of nil function|^reflect: Method on nil interface value`)

// asGoRuntimeError names a panic that yaegi raises through reflect as Go
// itself reports it: a nil dereference is "invalid memory address or nil
// pointer dereference", not "call of reflect.Value.Interface on zero
// Value". (reflect's messages carry no index or length, so those cannot
// be given.)
func asGoRuntimeError(msg string) (string, bool) {
	switch {
	case zeroValueCall.MatchString(msg):
		return "runtime error: invalid memory address or nil pointer dereference", true
	case msg == "reflect: slice index out of range", msg == "reflect: array index out of range", msg == "reflect: string index out of range":
		return "runtime error: index out of range", true
	case sliceBounds.MatchString(msg):
		return "runtime error: slice bounds out of range", true
	}
	return msg, false
}
