package executor

import (
	"context"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/exec"
)

// serveEnv makes this test binary an executor (see TestMain), so the tests
// run the real two-process split without building gotrain.
const serveEnv = "GOTRAIN_EXECUTOR_TEST_SERVE"

func TestMain(m *testing.M) {
	if os.Getenv(serveEnv) == "1" {
		if err := Serve(exec.Options{}); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startRemote starts a Remote whose executors are this test binary.
func startRemote(t *testing.T, memLimit int64) *Remote {
	t.Helper()
	t.Setenv(serveEnv, "1")
	r, err := Start(Config{Binary: os.Args[0], Args: []string{"-test.run=^$"}, MemoryLimit: memLimit, Log: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// recorder is an exec.Output that keeps what a cell showed.
type recorder struct {
	mu     sync.Mutex
	stdout strings.Builder
	errs   []*exec.Error
}

func (o *recorder) Stream(name, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if name == "stdout" {
		o.stdout.WriteString(text)
	}
}
func (o *recorder) Display(exec.MIMEBundle, map[string]any, string, bool) {}
func (o *recorder) ClearOutput(bool)                                      {}
func (o *recorder) Input(string, bool) (string, error)                    { return "", exec.ErrNoStdin }
func (o *recorder) Error(e *exec.Error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.errs = append(o.errs, e)
}

func run(t *testing.T, r *Remote, code string) exec.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return r.Execute(ctx, code, &recorder{})
}

func wantValue(t *testing.T, res exec.Result, want string) {
	t.Helper()
	if res.Err != nil {
		t.Fatalf("cell failed: %s: %s", res.Err.Name, res.Err.Value)
	}
	if got := res.Value["text/plain"]; got != want {
		t.Fatalf("value %v, want %q", got, want)
	}
}

// wantLost checks a cell's error is a dead executor's, with the note.
func wantLost(t *testing.T, res exec.Result, name, value string) {
	t.Helper()
	if res.Err == nil {
		t.Fatalf("cell succeeded: %v", res.Value)
	}
	tb := strings.Join(res.Err.Traceback, "\n")
	if res.Err.Name != name || !strings.Contains(res.Err.Value, value) || !strings.Contains(tb, "%who is empty") {
		t.Fatalf("error %s: %s\n%s\nwant %s containing %q and the restart note", res.Err.Name, res.Err.Value, tb, name, value)
	}
}

// A fatal error in the executor fails its cell with the runtime's message;
// the next cell runs in a fresh executor whose state is empty.
func TestFatalErrorRestartsTheExecutor(t *testing.T) {
	r := startRemote(t, 0)
	wantValue(t, run(t, r, "x := 41\nx+1"), "42")
	pid := r.Pid()
	wantLost(t, run(t, r, `import "time"
m := map[int]int{}
for g := 0; g < 4; g++ { go func() { for i := 0; ; i++ { m[i%64] = i } }() }
time.Sleep(5*time.Second)`), "FatalError", "fatal error: concurrent map writes")
	who := &recorder{}
	if res := r.Execute(context.Background(), "%who", who); res.Err != nil || !strings.Contains(who.stdout.String(), "no names") {
		t.Fatalf("%%who after the restart: %q %+v", who.stdout.String(), res.Err)
	}
	wantValue(t, run(t, r, "1+1"), "2")
	if r.Pid() == pid || r.Pid() == 0 {
		t.Fatalf("executor pid %d before, %d after", pid, r.Pid())
	}
	if err := syscall.Kill(pid, 0); err == nil {
		t.Fatalf("the dead executor %d is still there", pid)
	}
}

// Resident memory past the cap kills the executor with a clear error.
func TestMemoryCap(t *testing.T) {
	r := startRemote(t, MinMemoryLimit)
	wantLost(t, run(t, r, `import "bytes"
var keep [][]byte
for i := 0; i < 64; i++ { keep = append(keep, bytes.Repeat([]byte{1}, 64<<20)) }
len(keep)`), "MemoryLimit", "memory cap 768.0 MiB exceeded")
	wantValue(t, run(t, r, "2+2"), "4")
}

// An executor that dies while no cell runs is reported under the latest
// cell, and the next cell runs.
func TestDeathWhileIdle(t *testing.T) {
	r := startRemote(t, 0)
	out := &recorder{}
	if res := r.Execute(context.Background(), `println("x")`, out); res.Err != nil {
		t.Fatal(res.Err.Value)
	}
	syscall.Kill(r.Pid(), syscall.SIGKILL)
	deadline := time.Now().Add(30 * time.Second)
	for {
		out.mu.Lock()
		n := len(out.errs)
		out.mu.Unlock()
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no error reported for the killed executor")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if e := out.errs[0]; e.Name != "ExecutorDied" || !strings.Contains(e.Value, "killed") {
		t.Fatalf("reported %s: %s", e.Name, e.Value)
	}
	wantValue(t, run(t, r, "3+3"), "6")
}

// Cancelling a cell's context interrupts it in the executor.
func TestInterrupt(t *testing.T) {
	r := startRemote(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	res := r.Execute(ctx, "import \"time\"\ntime.Sleep(time.Hour)", &recorder{})
	if res.Err == nil {
		t.Fatal("an interrupted cell succeeded")
	}
	wantValue(t, run(t, r, "5"), "5")
}

// Output, completion and friends reach through the executor.
func TestSessionMethods(t *testing.T) {
	r := startRemote(t, 0)
	out := &recorder{}
	if res := r.Execute(context.Background(), "import \"fmt\"\nvalueOfThings := 3\nfmt.Println(\"hi\", valueOfThings)", out); res.Err != nil {
		t.Fatal(res.Err.Value)
	}
	if out.stdout.String() != "hi 3\n" {
		t.Errorf("stdout %q", out.stdout.String())
	}
	if c := r.Complete("valueOf", 7); len(c.Matches) == 0 || c.Matches[0] != "valueOfThings" {
		t.Errorf("complete: %+v", c)
	}
	if st, _ := r.IsComplete("for {"); st != "incomplete" {
		t.Errorf("is_complete: %q", st)
	}
	if _, found := r.Inspect("fmt.Println", 5, 0); !found {
		t.Error("inspect found nothing for fmt.Println")
	}
}

// Closing the session ends the executor.
func TestCloseEndsTheExecutor(t *testing.T) {
	r := startRemote(t, 0)
	wantValue(t, run(t, r, "1"), "1")
	pid := r.Pid()
	r.Close()
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("executor %d still runs after Close", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stalledOutput is a cell's output whose stdout stalls the supervisor
// (its reader stops taking the executor's messages) for a while.
type stalledOutput struct {
	recorder
	stall time.Duration
	once  sync.Once
}

func (o *stalledOutput) Stream(name, text string) {
	o.once.Do(func() { time.Sleep(o.stall) })
	o.recorder.Stream(name, text)
}

// A fatal error's first lines reach fd 2 only (the runtime copies its
// report to the crash pipe from the line after "fatal error: …"), and the
// executor's own forwarder may have read them and not delivered them when
// the process stops: the report still has them. The fault is forced: the
// supervisor stops reading while stdout floods the socket, so the
// forwarder cannot deliver what the cell writes to fd 2 (the lines an
// allocation that failed makes the runtime write) before the executor
// aborts (SIGABRT from here: its stacks go to the crash pipe and say
// nothing of memory).
func TestFatalMessageTheForwarderHeldIsReported(t *testing.T) {
	r := startRemote(t, 0)
	wantValue(t, run(t, r, "1"), "1")
	out := &stalledOutput{stall: 8 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pid := r.Pid()
	time.AfterFunc(5*time.Second, func() { syscall.Kill(pid, syscall.SIGABRT) }) // 4 s after the cell writes to fd 2: room for a loaded machine
	res := r.Execute(ctx, `import ("fmt"; "os"; "strings"; "time")
line := strings.Repeat("x", 1<<16)
go func() { for { fmt.Println(line) } }()
time.Sleep(time.Second)
os.NewFile(2, "fd 2").WriteString("runtime: out of memory: cannot allocate 171798691840-byte block (3997696 in use)\nfatal error: out of memory\n")
time.Sleep(time.Minute)`, out)
	if res.Err == nil {
		t.Fatal("the cell succeeded")
	}
	if res.Err.Name != "FatalError" || !strings.HasPrefix(res.Err.Value, "runtime: out of memory: cannot allocate 171798691840-byte block (3997696 in use); fatal error: out of memory") {
		t.Fatalf("reported %s: %s\n%s", res.Err.Name, res.Err.Value, strings.Join(res.Err.Traceback, "\n"))
	}
	wantValue(t, run(t, r, "2+3"), "5")
}
