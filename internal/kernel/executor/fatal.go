package executor

import (
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	kexec "github.com/gotrain/gotrain/internal/kernel/exec"
)

// ANSI colours, as the exec package's tracebacks use them.
const (
	red   = "\x1b[31m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// maxStackLines bounds the crashing goroutine's stack in the report.
const maxStackLines = 24

// deathReport says why an executor died. killed is the supervisor's own
// reason when it killed it; waitErr is how it exited; stderrText is the
// end of what reached its fd 2 (the runtime writes its fatal error there
// first) and crash what the runtime copied to the crash pipe (the
// goroutine stacks, without the first line).
func deathReport(killed string, waitErr error, stderrText, crash string, memLimit int64) *kexec.Error {
	if killed != "" {
		return &kexec.Error{Name: "MemoryLimit", Value: killed, Traceback: []string{red + bold + "MemoryLimit" + reset + ": " + killed}}
	}
	var head []string
	var rest string
	if crash != "" { // the runtime reported something: find its message
		head, rest = fatalMessage(stderrText)
		if head == nil {
			head, rest = fatalMessage(crash)
		}
	}
	if head == nil && crash != "" {
		// The runtime's first lines went to fd 2 and were lost with the
		// executor's own reader; the stacks say what it was when they can.
		h := "fatal error (its message was lost; the crashing goroutine's stack follows)"
		if strings.Contains(crash, "runtime.newstack") || strings.Contains(crash, "runtime.morestack") {
			h = "fatal error: stack overflow"
		} else if strings.Contains(crash, "maps.fatal") {
			h = "fatal error: concurrent map access"
		}
		head, rest = []string{h}, crash
	}
	if head == nil {
		how := "exited"
		var ee *exec.ExitError
		if errors.As(waitErr, &ee) {
			how = ee.ProcessState.String()
		} else if waitErr == nil {
			how = "exit status 0"
		}
		v := "the cell's process ended (" + how + ") without a Go runtime error"
		return &kexec.Error{Name: "ExecutorDied", Value: v, Traceback: []string{red + bold + "ExecutorDied" + reset + ": " + v}}
	}
	if rest == "" {
		rest = crash
	}
	v := strings.Join(head, "; ")
	tb := []string{red + bold + "FatalError" + reset + ": " + head[len(head)-1]}
	for _, l := range head[:len(head)-1] {
		tb = append(tb, l)
	}
	st := firstStack(rest)
	if where := crashedIn(st); where != "" {
		v += " (" + where + ")"
		tb = append(tb, "It happened "+where+".")
	}
	if strings.Contains(v, "out of memory") {
		cap := "no memory cap is set"
		if memLimit > 0 {
			cap = "the cell's memory cap is " + formatBytes(memLimit)
		}
		tb = append(tb, "The system could not give the cell the memory it asked for ("+cap+").")
	}
	if len(st) > 0 {
		tb = append(tb, "")
		tb = append(tb, st...)
	}
	return &kexec.Error{Name: "FatalError", Value: v, Traceback: tb}
}

// fatalMessage finds the runtime's last fatal report in text: its
// "fatal error: …" or "panic: …" line with the "runtime: …" lines just
// before it (e.g. the allocation that ran out of memory), and what follows.
func fatalMessage(text string) (head []string, rest string) {
	lines := strings.Split(text, "\n")
	at := -1
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "unexpected fault address") {
			at = i
			if strings.HasPrefix(l, "fatal error: ") || i == 0 || !strings.HasPrefix(lines[i-1], "fatal error: ") {
				break
			}
		}
	}
	if at < 0 {
		return nil, ""
	}
	start := at
	for start > 0 && strings.HasPrefix(lines[start-1], "runtime: ") && at-start < 4 {
		start--
	}
	for _, l := range lines[start : at+1] {
		if !strings.Contains(l, " sp=") { // register dumps say nothing to a user
			head = append(head, l)
		}
	}
	return head, strings.Join(lines[at+1:], "\n")
}

// crashedIn says where the crashing goroutine came from, from the labels
// the executor's session gives cell goroutines (the runtime prints them
// in the goroutine's header with GODEBUG=tracebacklabels=1): "in cell
// [3]", or "in a goroutine started at line 4, column 2 of cell [3]" for
// one a go statement started; "" when it carries none.
// Interpreted code runs as the interpreter's own frames, so the line of
// the statement that crashed is not in the stack; the go statement's is
// the nearest known place.
func crashedIn(stack []string) string {
	for _, l := range stack {
		if !strings.HasPrefix(l, "goroutine ") {
			continue
		}
		_, labels, ok := strings.Cut(l, "labels:{")
		if !ok {
			return ""
		}
		kv := map[string]string{}
		for _, m := range labelPair.FindAllStringSubmatch(labels, -1) {
			k, err1 := strconv.Unquote(m[1])
			v, err2 := strconv.Unquote(m[2])
			if err1 == nil && err2 == nil {
				kv[k] = v
			}
		}
		cell, at := kv["cell"], kv["go"]
		switch {
		case cell == "":
			return ""
		case at == "":
			return "in " + cell
		}
		var line, col int
		if _, err := fmt.Sscanf(at[strings.Index(at, ":")+1:], "%d:%d", &line, &col); err == nil {
			return fmt.Sprintf("in a goroutine started at line %d, column %d of %s", line, col, cell)
		}
		return "in a goroutine started at " + at + " of " + cell
	}
	return ""
}

// labelPair is one "key": "value" of a goroutine header's labels.
var labelPair = regexp.MustCompile(`("(?:[^"\\]|\\.)*"): ("(?:[^"\\]|\\.)*")`)

// firstStack returns the first goroutine's stack in a runtime traceback,
// with its signal line if any, bounded.
func firstStack(text string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(l, "[signal ") && !in:
			out = append(out, l)
		case strings.HasPrefix(l, "goroutine ") && !in:
			in = true
			out = append(out, l)
		case in && l == "":
			return out
		case in:
			if len(out) >= maxStackLines {
				return append(out, "…")
			}
			out = append(out, l)
		}
	}
	return out
}
