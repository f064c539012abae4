package cluster

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// BinEnv names the gotrain binary to spawn workers with, when the running
// program is not gotrain itself (a test binary, another Go program).
const BinEnv = "GOTRAIN_BIN"

// process is a worker process this driver spawned.
type process struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	tail  *tailBuffer
	done  chan struct{}
	once  sync.Once
}

// workerBinary returns the program to spawn: the configured one, then
// $GOTRAIN_BIN, then the running executable.
func workerBinary(configured string) (string, error) {
	if configured != "" {
		return configured, nil
	}
	if b := os.Getenv(BinEnv); b != "" {
		return b, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cluster: find the gotrain binary to spawn workers: %w: set %s", err, BinEnv)
	}
	return exe, nil
}

// spawn starts `gotrain worker` on a free loopback port with the secret in
// its environment and returns it with the address it printed. The worker
// dies with this process: it exits when its stdin (our pipe) closes, gets
// SIGKILL when we die (Linux), and exits when our lease lapses.
func spawn(ctx context.Context, bin string, cpus int, secret string, lease time.Duration) (*process, string, error) {
	return spawnArgs(ctx, bin, secret, []string{"--lease", lease.String(), "--cpus", strconv.Itoa(cpus)})
}

// spawnArgs starts `gotrain worker` with extra flags; see spawn.
func spawnArgs(ctx context.Context, bin, secret string, extra []string) (*process, string, error) {
	args := append([]string{"worker", "--listen", DefaultListen, "--exit-with-stdin"}, extra...)
	cmd := exec.Command(bin, args...)
	env := []string{TokenEnv + "=" + secret}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, TokenEnv+"=") {
			env = append(env, e)
		}
	}
	cmd.Env = env
	cmd.SysProcAttr = childAttr()
	p := &process{cmd: cmd, tail: &tailBuffer{max: 4096}, done: make(chan struct{})}
	var err error
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, "", err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	cmd.Stderr = p.tail
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("cluster: start worker %s: %w: set %s to the gotrain binary", bin, err, BinEnv)
	}
	go func() { _ = cmd.Wait(); close(p.done) }()
	lines := make(chan string, 1)
	go func() {
		br := bufio.NewReader(out)
		line, _ := br.ReadString('\n')
		lines <- line
		_, _ = io.Copy(io.Discard, br)
	}()
	const prefix = "gotrain worker listening on "
	select {
	case line := <-lines:
		if !strings.HasPrefix(line, prefix) {
			p.kill()
			return nil, "", fmt.Errorf("cluster: %s did not start a worker (is it the gotrain binary? set %s): %s", filepath.Base(bin), BinEnv, p.tail.String())
		}
		return p, strings.TrimSpace(strings.TrimPrefix(line, prefix)), nil
	case <-ctx.Done():
		p.kill()
		return nil, "", ctx.Err()
	case <-time.After(30 * time.Second):
		p.kill()
		return nil, "", fmt.Errorf("cluster: worker %s did not report its address within 30s: %s", bin, p.tail.String())
	}
}

// kill ends the process at once and waits for it.
func (p *process) kill() {
	p.once.Do(func() { _ = p.stdin.Close() })
	_ = p.cmd.Process.Kill()
	<-p.done
}

// stop asks the worker to exit (by closing its stdin) and kills it if it
// has not within grace.
func (p *process) stop(grace time.Duration) {
	p.once.Do(func() { _ = p.stdin.Close() })
	select {
	case <-p.done:
	case <-time.After(grace):
		p.kill()
	}
}

// pid returns the process id.
func (p *process) pid() int { return p.cmd.Process.Pid }

// tailBuffer keeps the last max bytes written to it (a worker's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := strings.TrimSpace(string(t.b))
	if s == "" {
		return "(no output on stderr)"
	}
	return s
}
