//go:build unix

package track

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ServerOptions tune StartLocalServer.
type ServerOptions struct {
	// Executable is the mlflow command; FindMLflow's answer when empty.
	Executable string
	// Port to listen on; a free one when zero.
	Port int
	// StartTimeout bounds the wait for the server to answer (2 minutes
	// when zero: the first start migrates the SQLite schema).
	StartTimeout time.Duration
}

// Server is an `mlflow server` process started by StartLocalServer.
type Server struct {
	// URL is the server's base URL, http://127.0.0.1:PORT.
	URL string
	// Dir holds mlflow.db, the artifacts directory and mlflow-server.log.
	Dir  string
	Port int
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

// FindMLflow returns the mlflow command: from PATH, else from a .venv in
// the current directory or one of its parents, else from the .venv next to
// the running binary's directory (bin/gotrain → .venv/bin/mlflow).
func FindMLflow() (string, error) {
	if p, err := exec.LookPath("mlflow"); err == nil {
		return p, nil
	}
	var tried []string
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			tried = append(tried, filepath.Join(d, ".venv", "bin", "mlflow"))
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		tried = append(tried, filepath.Join(filepath.Dir(filepath.Dir(exe)), ".venv", "bin", "mlflow"))
	}
	for _, p := range tried {
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("mlflow is not installed: `pip install mlflow` (or ./install.sh --test for the project's .venv), or set %s to a running server", EnvTrackingURI)
}

// freePort asks the kernel for an unused loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// StartLocalServer runs `mlflow server` bound to 127.0.0.1 with a SQLite
// store (dir/mlflow.db) and proxied artifacts (dir/artifacts), waits until
// it answers, and returns it. Close stops it. Its output goes to
// dir/mlflow-server.log.
func StartLocalServer(ctx context.Context, dir string, opt ServerOptions) (*Server, error) {
	exe := opt.Executable
	if exe == "" {
		var err error
		if exe, err = FindMLflow(); err != nil {
			return nil, err
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(abs, "artifacts"), 0o755); err != nil {
		return nil, fmt.Errorf("mlflow server: %w (choose a writable directory)", err)
	}
	port := opt.Port
	if port == 0 {
		if port, err = freePort(); err != nil {
			return nil, fmt.Errorf("mlflow server: no free port on 127.0.0.1: %w", err)
		}
	}
	logPath := filepath.Join(abs, "mlflow-server.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("mlflow server: %w", err)
	}
	defer logf.Close() // the child keeps its own descriptor
	cmd := exec.Command(exe, "server",
		"--host", "127.0.0.1", "--port", strconv.Itoa(port), "--workers", "1",
		"--backend-store-uri", "sqlite:///"+filepath.Join(abs, "mlflow.db"),
		"--artifacts-destination", filepath.Join(abs, "artifacts"))
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = serverAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("mlflow server: start %s: %w", exe, err)
	}
	s := &Server{URL: fmt.Sprintf("http://127.0.0.1:%d", port), Dir: abs, Port: port, cmd: cmd, done: make(chan struct{})}
	go func() { s.err = cmd.Wait(); close(s.done) }()

	timeout := opt.StartTimeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	wctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c, _ := NewClient(Config{TrackingURI: s.URL, RequestTimeout: 2 * time.Second})
	for {
		if c.Ping(wctx) == nil {
			return s, nil
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("mlflow server exited before answering (%v); its log %s ends with:\n%s", s.err, logPath, logTail(logPath))
		case <-wctx.Done():
			s.Close()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("mlflow server did not answer on %s within %s; see %s", s.URL, timeout, logPath)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// logTail returns the last lines of a log file.
func logTail(path string) string {
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}

// Close stops the server: SIGTERM to its process group, SIGKILL after 10 s.
func (s *Server) Close() error {
	select {
	case <-s.done:
		return nil
	default:
	}
	pgid := s.cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-s.done
	}
	return nil
}

// Done is closed when the server process has exited.
func (s *Server) Done() <-chan struct{} { return s.done }

// Connect returns the tracking configuration to use: the environment's when
// MLFLOW_TRACKING_URI is set (server is then nil), otherwise that of a local
// server started in dir, which the caller must Close. A notebook cell calls
// it once and passes the Config to NewMLflow.
func Connect(ctx context.Context, dir string) (Config, *Server, error) {
	cfg := ConfigFromEnv()
	if cfg.TrackingURI != "" {
		c, err := NewClient(cfg)
		if err != nil {
			return cfg, nil, err
		}
		if err := c.Ping(ctx); err != nil {
			var ae *APIError
			if !errors.As(err, &ae) {
				return cfg, nil, fmt.Errorf("%s=%s does not answer: %w", EnvTrackingURI, cfg.TrackingURI, err)
			}
		}
		return cfg, nil, nil
	}
	s, err := StartLocalServer(ctx, dir, ServerOptions{})
	if err != nil {
		return cfg, nil, err
	}
	cfg.TrackingURI = s.URL
	return cfg, s, nil
}
