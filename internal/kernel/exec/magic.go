package exec

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// magicHelp is what %help shows.
const magicHelp = `gotrain kernel magics (at the start of a cell, one per line):
  %help              this text (in the pager)
  %time              time the rest of the cell (or: %time <code>)
  %env               list environment variables
  %env NAME          show one; %env NAME=value sets it for the kernel and its commands
  %cd [DIR]          change the working directory (no DIR: show it)
  %who               list the names earlier cells defined
  %get MOD[@VER] ...  pin third-party modules for the session's imports (go get)
  %get -u [MOD ...]   update them (all the session uses, when none is named)
  %mod               list the modules the session resolved, with versions
  %mod save          write them as go.mod and go.sum in the working directory
  !command           run a shell command; its output streams as it comes
Everything after the magic lines is Go.
Display rich output with github.com/gotrain/gotrain/kernel/display;
display.Context() is the cell's context (cancelled on interrupt).
`

// magic handles the magic and shell lines at the top of a cell. It returns
// a handler for the cell and the Go code left after them; ok is false when
// the cell starts with Go.
func (s *Session) magic(ctx context.Context, code string, out Output) (func(string) Result, string, bool) {
	trimmed := strings.TrimLeft(code, " \t\r\n")
	if !strings.HasPrefix(trimmed, "%") && !strings.HasPrefix(trimmed, "!") {
		return nil, code, false
	}
	// Blank lines before the first magic are kept so line numbers in
	// errors still match the cell.
	lead := strings.Count(code[:len(code)-len(trimmed)], "\n")
	lines := strings.Split(trimmed, "\n")
	return func(string) Result {
		var payload []map[string]any
		for i, line := range lines {
			l := strings.TrimSpace(line)
			if l == "" {
				continue
			}
			if !strings.HasPrefix(l, "%") && !strings.HasPrefix(l, "!") {
				r := s.evalGo(ctx, blankLines(lead+i)+strings.Join(lines[i:], "\n"))
				r.Payload = append(payload, r.Payload...)
				return r
			}
			if name, _ := splitMagic(l); name == "%help" {
				// Shown in the pager, as IPython does with its help.
				payload = append(payload, map[string]any{"source": "page", "data": map[string]any{"text/plain": magicHelp}, "start": 0})
				continue
			}
			if name, arg := splitMagic(l); name == "%time" {
				rest := blankLines(lead+i) + strings.Join(lines[i+1:], "\n")
				if arg != "" {
					rest = arg + "\n" + strings.Join(lines[i+1:], "\n")
				}
				r := s.timeCell(ctx, rest, out)
				r.Payload = append(payload, r.Payload...)
				return r
			}
			if r := s.lineMagic(ctx, l, out); r.Err != nil {
				return r
			}
		}
		return Result{Payload: payload}
	}, "", true
}

// blankLines returns n newlines, to keep Go code at its line in the cell.
func blankLines(n int) string { return strings.Repeat("\n", n) }

// splitMagic splits "%name arg" into its name and argument.
func splitMagic(l string) (string, string) {
	name, arg, _ := strings.Cut(l, " ")
	return name, strings.TrimSpace(arg)
}

// lineMagic runs one magic or shell line.
func (s *Session) lineMagic(ctx context.Context, l string, out Output) Result {
	if strings.HasPrefix(l, "!") {
		return s.shell(ctx, strings.TrimSpace(l[1:]), out)
	}
	name, arg := splitMagic(l)
	switch name {
	case "%env":
		return envMagic(arg, out)
	case "%cd":
		if arg != "" {
			if err := os.Chdir(arg); err != nil {
				return magicError("%cd", fmt.Sprintf("cannot change directory: %v", err))
			}
		}
		wd, err := os.Getwd()
		if err != nil {
			return magicError("%cd", err.Error())
		}
		out.Stream("stdout", wd+"\n")
	case "%who":
		names, kinds := s.definitions()
		if len(names) == 0 {
			out.Stream("stdout", "no names defined yet\n")
		}
		for _, n := range names {
			out.Stream("stdout", fmt.Sprintf("%-20s %s\n", n, kinds[n]))
		}
	case "%get":
		return s.getMagic(ctx, arg, out)
	case "%mod":
		return s.modMagic(ctx, arg, out)
	default:
		return magicError(name, fmt.Sprintf("unknown magic %s; %%help lists the magics", name))
	}
	return Result{}
}

// magicError is a failing magic's error.
func magicError(name, msg string) Result {
	return Result{Err: &Error{Name: "MagicError", Value: msg, Traceback: []string{red + bold + "MagicError" + reset + " (" + name + "): " + msg}}}
}

// envMagic lists, shows or sets environment variables.
func envMagic(arg string, out Output) Result {
	switch {
	case arg == "":
		env := os.Environ()
		sort.Strings(env)
		out.Stream("stdout", strings.Join(env, "\n")+"\n")
	case strings.Contains(arg, "="):
		k, v, _ := strings.Cut(arg, "=")
		k = strings.TrimSpace(k)
		if k == "" {
			return magicError("%env", "usage: %env NAME=value")
		}
		if err := os.Setenv(k, strings.TrimSpace(v)); err != nil {
			return magicError("%env", err.Error())
		}
		out.Stream("stdout", fmt.Sprintf("env: %s=%s\n", k, strings.TrimSpace(v)))
	default:
		v, ok := os.LookupEnv(arg)
		if !ok {
			return magicError("%env", fmt.Sprintf("environment variable %s is not set", arg))
		}
		out.Stream("stdout", v+"\n")
	}
	return Result{}
}

// timeCell runs Go code and reports its wall time on stdout.
func (s *Session) timeCell(ctx context.Context, code string, out Output) Result {
	start := time.Now()
	r := s.evalGo(ctx, code)
	s.syncOutput()
	out.Stream("stdout", fmt.Sprintf("Wall time: %v\n", time.Since(start).Round(time.Microsecond)))
	return r
}

// outWriter streams to one stream of an Output.
type outWriter struct {
	out  Output
	name string
}

func (w outWriter) Write(p []byte) (int, error) {
	w.out.Stream(w.name, string(p))
	return len(p), nil
}

// shell runs a command with sh, streaming its output as it comes; an
// interrupt kills it.
func (s *Session) shell(ctx context.Context, command string, out Output) Result {
	if command == "" {
		return magicError("!", "no command after !")
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	cmd.Stdout = outWriter{out, "stdout"}
	cmd.Stderr = outWriter{out, "stderr"}
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return interrupted()
	}
	if err != nil {
		return Result{Err: &Error{Name: "ShellError", Value: fmt.Sprintf("%s: %v", command, err), Traceback: []string{red + bold + "ShellError" + reset + ": !" + command + ": " + err.Error()}}}
	}
	return Result{}
}
