package modules

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// commandTimeout bounds every go command the resolver runs (a download, a
// build); GOTRAIN_GET_TIMEOUT (a Go duration) changes it.
func commandTimeout() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("GOTRAIN_GET_TIMEOUT")); err == nil && d > 0 {
		return d
	}
	return 5 * time.Minute
}

// ErrNoGo is returned when the go command is not installed.
var ErrNoGo = errors.New("the go command is not installed (not found on PATH); importing packages that are not built into the kernel needs Go from https://go.dev/dl")

// goCmd runs the go command in dir with the user's environment (GOPROXY,
// GOFLAGS, GONOSUMDB, GOPRIVATE, GOMODCACHE… as they are now in the
// kernel) plus extra, bounded by the command timeout and by ctx: an
// interrupt kills go and what it started. Lines go writes on stderr that
// report progress ("go: downloading …") are copied to progress as they
// come. It returns stdout; a failure's error carries go's stderr.
func (r *Resolver) goCmd(ctx context.Context, dir string, extra []string, progress io.Writer, args ...string) ([]byte, error) {
	if r.goBin == "" {
		return nil, ErrNoGo
	}
	ctx, cancel := context.WithTimeout(ctx, commandTimeout())
	defer cancel()
	cmd := exec.CommandContext(ctx, r.goBin, args...)
	cmd.Dir = dir
	cmd.Env = append(goEnv(), extra...)
	setProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &progressWriter{buf: &stderr, progress: progress}
	err := cmd.Run()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("go %s did not finish within %v (set GOTRAIN_GET_TIMEOUT to wait longer): %s", strings.Join(args, " "), commandTimeout(), lastLines(stderr.String(), 5))
		}
		return nil, ctx.Err()
	}
	if err != nil {
		return stdout.Bytes(), &GoError{Args: args, Stderr: stderr.String(), Err: err}
	}
	return stdout.Bytes(), nil
}

// goEnv is the environment go runs in: the kernel's, with a go.work that
// happens to be above the cache ignored, and no toolchain download unless
// the user asked for one.
func goEnv() []string {
	env := append(os.Environ(), "GOWORK=off")
	if os.Getenv("GOTOOLCHAIN") == "" {
		env = append(env, "GOTOOLCHAIN=local")
	}
	return env
}

// GoError is a go command that failed.
type GoError struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *GoError) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" {
		msg = e.Err.Error()
	}
	return msg
}

func (e *GoError) Unwrap() error { return e.Err }

// progressWriter keeps everything go writes on stderr and forwards the
// download notices.
type progressWriter struct {
	buf      *bytes.Buffer
	progress io.Writer
	line     []byte
}

func (w *progressWriter) Write(p []byte) (int, error) {
	w.buf.Write(p)
	if w.progress == nil {
		return len(p), nil
	}
	w.line = append(w.line, p...)
	for {
		i := bytes.IndexByte(w.line, '\n')
		if i < 0 {
			break
		}
		l := w.line[:i+1]
		if bytes.HasPrefix(l, []byte("go: downloading ")) || bytes.HasPrefix(l, []byte("go: finding ")) {
			w.progress.Write(l)
		}
		w.line = w.line[i+1:]
	}
	return len(p), nil
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
