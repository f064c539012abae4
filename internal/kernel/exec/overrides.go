package exec

import (
	"fmt"
	"io"
	"log"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// exitPanic is what os.Exit, log.Fatal* and runtime.Goexit do in a cell
// instead of ending the kernel process: the cell fails with an error
// saying so.
type exitPanic struct {
	code int
	msg  string
	main bool // called on the goroutine running the cell's program
}

func (e exitPanic) Error() string {
	if e.code == -1 {
		return "the cell called " + e.msg + "; the kernel keeps running"
	}
	if e.msg != "" {
		return fmt.Sprintf("the cell called log.Fatal (%s); the kernel keeps running", e.msg)
	}
	return fmt.Sprintf("the cell called os.Exit(%d); the kernel keeps running", e.code)
}

// The runtime package cells use through rewritten code (go statements).
const (
	rtPath = "github.com/gotrain/gotrain/internal/kernel/exec/cellrt"
	rtName = "_gotrain"
)

// overrides replaces symbols that would end or escape the process, and adds
// the runtime package that rewritten cells call.
func (s *Session) overrides(stdout, stderr io.Writer) interp.Exports {
	exit := func(msg string) { s.osExit(exitPanic{code: 1, msg: msg}) }
	fatal := func(msg string) {
		log.New(stderr, "", log.LstdFlags).Output(3, msg)
		exit(msg)
	}
	var stdin io.Reader = s.stdin
	osStdout, osStderr := &StdStream{w: stdout, name: "stdout", fd: 1}, &StdStream{w: stderr, name: "stderr", fd: 2}
	return interp.Exports{
		"os/os": {
			"Exit":   reflect.ValueOf(func(code int) { s.osExit(exitPanic{code: code}) }),
			"Stdin":  reflect.ValueOf(&stdin).Elem(),
			"Stdout": reflect.ValueOf(&osStdout).Elem(),
			"Stderr": reflect.ValueOf(&osStderr).Elem(),
		},
		"runtime/runtime": {
			"Goexit": reflect.ValueOf(func() { panic(exitPanic{code: -1, msg: "runtime.Goexit"}) }),
		},
		"log/log": {
			"Fatal":   reflect.ValueOf(func(v ...any) { fatal(fmt.Sprint(v...)) }),
			"Fatalf":  reflect.ValueOf(func(f string, v ...any) { fatal(fmt.Sprintf(f, v...)) }),
			"Fatalln": reflect.ValueOf(func(v ...any) { fatal(fmt.Sprintln(v...)) }),
			"New": reflect.ValueOf(func(out io.Writer, prefix string, flag int) *Logger {
				return &Logger{l: log.New(out, prefix, flag), fatal: exit}
			}),
			"Default": reflect.ValueOf(func() *Logger { return &Logger{l: log.Default(), fatal: exit} }),
			"Logger":  reflect.ValueOf((*Logger)(nil)),
		},
		rtPath + "/cellrt": {
			"GoPanic":    reflect.ValueOf(s.goPanic),
			"Cell":       reflect.ValueOf(s.rtCell),
			"GoStart":    reflect.ValueOf(s.rtGoStart),
			"GoEnd":      reflect.ValueOf(s.rtGoEnd),
			"Started":    reflect.ValueOf(s.rtStarted),
			"At":         reflect.ValueOf(s.rtAt),
			"Enter":      reflect.ValueOf(s.enter),
			"Leave":      reflect.ValueOf(s.leave),
			"Value":      reflect.ValueOf(rtValue),
			"SetJSON":    reflect.ValueOf(rtSetJSON),
			"Base64":     reflect.ValueOf(rtBase64),
			"Clear":      reflect.ValueOf(rtClear),
			"Recovered":  reflect.ValueOf(rtRecovered),
			"ErrorOf":    reflect.ValueOf(s.rtErrorOf),
			"CellType":   reflect.ValueOf(s.rtCellType),
			"RType":      reflect.ValueOf(rtRType),
			"Embedded":   reflect.ValueOf(rtEmbedded),
			"Equal":      reflect.ValueOf(rtEqual),
			"NewDefers":  reflect.ValueOf(rtNewDefers),
			"Zero":       reflect.ValueOf(rtZero),
			"DecodeRune": reflect.ValueOf(rtDecodeRune),
			"DeferStack": reflect.ValueOf((*DeferStack)(nil)),
		},
	}
}

// osExit ends the running cell as os.Exit ends a program: at once, with
// no deferred call run and nothing recovered. The cell fails with e; the
// goroutine that called it never returns (it stays parked, as a finished
// process's would be gone, so its deferred calls never run). Outside a
// running cell (a goroutine that outlived its cell) it panics with e, which
// is reported like that goroutine's panics.
func (s *Session) osExit(e exitPanic) {
	s.curMu.Lock()
	c, main := s.exited, s.exitMain
	s.curMu.Unlock()
	if c == nil {
		panic(e)
	}
	e.main = goid() == main
	select {
	case c <- e: // the first exit of the cell ends it
	default:
	}
	select {}
}

// setGoError records a goroutine's panic as the running cell's error; false
// when the cell already has one (then it is shown on its own).
func (s *Session) setGoError(e *Error) bool {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	if s.goErr != nil {
		return false
	}
	s.goErr = e
	return true
}

// takeGoError returns and clears the running cell's goroutine error.
func (s *Session) takeGoError() *Error {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	e := s.goErr
	s.goErr = nil
	return e
}

// maxDepth bounds the interpreted calls in progress on one goroutine.
// Overflowing Go's stack limit is a fatal error that kills the kernel;
// yaegi stays within it for 100,000 nested calls, but unwinding a panic
// through n interpreted frames costs O(n²) (each frame recovers and panics
// again: pprof shows the runtime's unwinder at 95%; 10,000 frames take 21 s
// on the 2-core VM), so the bound is kept low enough for the error to
// arrive in a few seconds.
//
// Calls are counted over all goroutines (which goroutine calls is not
// known without a costly lookup), so the bound grows with the live
// goroutines cells started — 5,000 goroutines each in one call are not a
// runaway recursion — up to maxDepthAll, still well within Go's stack.
const maxDepth, maxDepthAll = 3000, 60000

// enter counts one more cell function call in progress.
func (s *Session) enter() {
	if d := s.depth.Add(1); d > maxDepth && d > min(maxDepth*(1+s.gors.n.Load()), maxDepthAll) {
		s.depth.Add(-1)
		panic(fmt.Sprintf("stack overflow: more than %d nested calls of cell functions (is a recursion missing its base case?)", maxDepth))
	}
}

// leave ends a call counted by enter.
func (s *Session) leave() { s.depth.Add(-1) }

// rtClear is Go 1.21's clear for cells (builtins.go): a map loses its
// entries, a slice's elements become zero values.
func rtClear(x any) {
	if v := reflect.ValueOf(x); v.Kind() == reflect.Map || v.Kind() == reflect.Slice {
		v.Clear()
	}
}

// rtRecovered is what recover() returns in a cell (rewrite.go): yaegi
// v0.16.1 panics with the reflect.Value of the interpreted panic's
// argument and recover hands that reflect.Value back inside the `any`, so
// no type assertion on it matched (`r.(string)` after `panic("boom")` was
// false). Panics of compiled code (runtime errors) arrive as they are.
func rtRecovered(v any) any {
	if rv, ok := v.(reflect.Value); ok {
		if !rv.IsValid() {
			return nil
		}
		return rv.Interface()
	}
	if msg, ok := v.(string); ok {
		if goMsg, ok := asGoRuntimeError(msg); ok {
			return runtimeError(goMsg)
		}
	}
	return v
}

// runtimeError is a Go runtime error the interpreter raised as one of
// reflect's messages (an index out of range is "reflect: slice index out
// of range", a plain string): recover in a cell gets it as Go's, a
// runtime.Error printing "runtime error: index out of range" (reflect's
// message carries no index or length), so `r.(error)` holds as in Go.
type runtimeError string

func (e runtimeError) Error() string { return string(e) }

// RuntimeError marks e as a runtime.Error.
func (runtimeError) RuntimeError() {}
