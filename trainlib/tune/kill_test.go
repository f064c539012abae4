package tune

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// childEnv makes the test binary act as a tuning driver (see TestMain).
const childEnv = "GOTRAIN_TUNE_TEST_DRIVER_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		os.Exit(actAsDriver(dir))
	}
	os.Exit(m.Run())
}

// actAsDriver runs the test tuning job in dir and, when trial t0002
// reaches round 4, says "ready" on stdout and waits to be killed.
func actAsDriver(dir string) int {
	t := &testing.T{}
	hs := hooked(twoHolders(t), func(ctx context.Context, sess gbdt.SessionID, round int) error {
		if trialOf(sess) == "t0002" && round == 4 {
			fmt.Println("ready")
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	})
	if _, err := Run(context.Background(), hs, testOptions(dir)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// A driver process SIGKILLed mid-run leaves an experiment directory from
// which a new run finishes without retraining finished trials, with the
// uninterrupted run's models, byte for byte, the best one and every
// trial's (rows and columns are sampled: subsample and colsample_bytree
// 0.8, see testOptions).
func TestResumeAfterSIGKILL(t *testing.T) {
	want := uninterrupted(t)
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "ready\n" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("driver said %q (%v); stderr:\n%s", line, err, stderr.String())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, BestJSON)); err == nil {
		t.Fatal("the killed run wrote tune_best.json: it was not killed mid-run")
	}
	done, err := loadTrials(dir, SeedSpace())
	if err != nil {
		t.Fatal(err)
	}
	finished := map[string]bool{}
	for _, c := range done {
		if c.Status == Terminated {
			finished[c.ID] = true
		}
	}
	if len(finished) == 0 {
		t.Fatal("no trial had finished before the kill; the test needs some")
	}
	var mu sync.Mutex
	var events []string
	hs := hooked(twoHolders(t), func(_ context.Context, sess gbdt.SessionID, round int) error {
		mu.Lock()
		defer mu.Unlock()
		if round == 0 {
			events = append(events, trialOf(sess))
		}
		return nil
	})
	if _, err := Run(context.Background(), hs, testOptions(dir)); err != nil {
		t.Fatal(err)
	}
	for _, id := range events {
		if id == "t0002" {
			t.Fatalf("t0002 started over from round 0 instead of continuing from its checkpoint")
		}
		if finished[id] {
			t.Fatalf("finished trial %s trained again after the kill (trained: %s)", id, strings.Join(events, " "))
		}
	}
	sameModels(t, want, dir, "resuming a killed run")
}
