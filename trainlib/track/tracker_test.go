package track

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// reports collects the tracker's report lines.
type reports struct {
	mu    sync.Mutex
	lines []string
}

func (r *reports) add(s string) { r.mu.Lock(); r.lines = append(r.lines, s); r.mu.Unlock() }
func (r *reports) count(sub string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, l := range r.lines {
		if strings.Contains(l, sub) {
			n++
		}
	}
	return n
}

func newTestTracker(t *testing.T, f *fakeMLflow, dir string, rep *reports, queue int) *MLflow {
	t.Helper()
	tr, err := NewMLflow(f.config(), MLflowOptions{Dir: dir, Report: rep.add, QueueSize: queue,
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 40 * time.Millisecond, SourceName: "test", GitCommit: "abc123"})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// logTuningTree logs a parent with two children, each with rounds rounds of
// two metrics, an artifact and an end, the shape the tuner produces.
func logTuningTree(t *testing.T, tr Tracker, dir string, rounds int) {
	t.Helper()
	parent, err := tr.StartParent("tune", map[string]any{"samples": 2}, map[string]string{"job": "unit"})
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(t.TempDir(), "trial_results.json")
	os.WriteFile(art, []byte("[]"), 0o644)
	for i, eta := range []float64{0.1, 0.01} {
		child, err := tr.StartChild(parent, []string{"t0", "t1"}[i], map[string]any{"eta": eta, "max_depth": 3 + i})
		if err != nil {
			t.Fatal(err)
		}
		for r := 0; r < rounds; r++ {
			if err := tr.LogMetrics(child, r, map[string]float64{"val-error": 1 / float64(r+1), "val-logloss": float64(r)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := tr.End(child, Finished); err != nil {
			t.Fatal(err)
		}
	}
	if err := tr.LogArtifact(parent, art, "trial_results.json"); err != nil {
		t.Fatal(err)
	}
	if err := tr.RegisterModel(parent, "model", "credit"); err != nil {
		t.Fatal(err)
	}
	if err := tr.End(parent, Finished); err != nil {
		t.Fatal(err)
	}
}

// checkTree asserts the fake holds exactly one tuning tree with every metric
// stored once and none received twice.
func checkTree(t *testing.T, f *fakeMLflow, rounds int) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.order) != 3 {
		t.Fatalf("server holds %d runs, want 3 (parent and two trials)", len(f.order))
	}
	parent := f.runs[f.order[0]]
	if parent.tags["mlflow.runName"] != "tune" || parent.tags["mlflow.source.git.commit"] != "abc123" || parent.tags["job"] != "unit" || parent.params["samples"] != "2" {
		t.Errorf("parent run tags/params wrong: %v %v", parent.tags, parent.params)
	}
	for _, id := range f.order[1:] {
		c := f.runs[id]
		if c.tags["mlflow.parentRunId"] != parent.id {
			t.Errorf("child %s has parent %q, want %q", c.name, c.tags["mlflow.parentRunId"], parent.id)
		}
		if len(c.metrics) != 2*rounds || len(c.steps["val-error"]) != rounds || c.status != "FINISHED" {
			t.Errorf("child %s: %d metrics, %d val-error steps, status %s", c.name, len(c.metrics), len(c.steps["val-error"]), c.status)
		}
		for i, s := range c.steps["val-error"] {
			if s != int64(i) {
				t.Fatalf("child %s: step %d logged as %d", c.name, i, s)
			}
		}
	}
	if parent.status != "FINISHED" {
		t.Errorf("parent status %s", parent.status)
	}
	if f.received != 2*2*rounds {
		t.Errorf("server received %d metrics, want %d: some were sent twice", f.received, 4*rounds)
	}
	if _, ok := f.artifacts["1/"+parent.id+"/artifacts/trial_results.json"]; !ok {
		t.Errorf("artifact missing; have %v", keys(f.artifacts))
	}
	if got := f.versions["credit"]; len(got) != 1 || got[0] != parent.id {
		t.Errorf("registered versions %v, want one from the parent", got)
	}
}

func keys[V any](m map[string]V) []string { return sortedKeys(m) }

func TestTrackerSendsTheRunTree(t *testing.T) {
	f := newFakeMLflow(t)
	dir := t.TempDir()
	rep := &reports{}
	tr := newTestTracker(t, f, dir, rep, 0)
	logTuningTree(t, tr, dir, 1500) // 3000 metrics per child: several requests
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, f, 1500)
	if left, _ := os.ReadDir(filepath.Join(dir, SpoolBlobDir)); len(left) != 0 {
		t.Errorf("spooled artifact copies kept after the server took them: %v", left)
	}
	if f.batches < 6 {
		t.Errorf("%d log-batch requests for 6000 metrics: batches exceed limits?", f.batches)
	}
	if len(rep.lines) != 0 {
		t.Errorf("unexpected reports: %v", rep.lines)
	}
}

func TestTrackerRidesOutAnOutage(t *testing.T) {
	f := newFakeMLflow(t)
	f.setDown(true)
	rep := &reports{}
	dir := t.TempDir()
	tr := newTestTracker(t, f, dir, rep, 8) // small queue: calls spill to the spool
	logTuningTree(t, tr, dir, 50)           // returns although nothing can be sent
	for rep.count("cannot reach") == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	f.setDown(false)
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, f, 50)
	if n := rep.count("cannot reach"); n != 1 {
		t.Errorf("outage reported %d times, want once: %v", n, rep.lines)
	}
	if rep.count("answers again") != 1 {
		t.Errorf("recovery not reported: %v", rep.lines)
	}
}

func TestCloseKeepsUnsentCallsAndSyncReplaysThem(t *testing.T) {
	f := newFakeMLflow(t)
	dir := t.TempDir()
	tr := newTestTracker(t, f, dir, &reports{}, 0)
	parent, _ := tr.StartParent("tune", nil, nil)
	child, _ := tr.StartChild(parent, "t0", map[string]any{"eta": 0.1})
	tr.LogMetrics(child, 0, map[string]float64{"val-error": 0.5})
	for f.metricCount(1) <= 0 {
		time.Sleep(5 * time.Millisecond) // the first part went through
	}
	f.setDown(true)
	for r := 1; r < 20; r++ {
		tr.LogMetrics(child, r, map[string]float64{"val-error": 0.5})
	}
	tr.End(child, Finished)
	tr.End(parent, Finished)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := tr.Close(ctx)
	var unsent *UnsentError
	if !errors.As(err, &unsent) || unsent.Count == 0 || !strings.Contains(err.Error(), "gotrain mlflow sync") {
		t.Fatalf("Close with the server down: %v, want an UnsentError with the remedy", err)
	}

	if _, err := Sync(context.Background(), f.config(), dir); err == nil {
		t.Fatal("Sync with the server down succeeded")
	}
	f.setDown(false)
	res, err := Sync(context.Background(), f.config(), dir)
	if err != nil || res.Sent == 0 || res.Left != 0 {
		t.Fatalf("Sync: %+v, %v", res, err)
	}
	res, err = Sync(context.Background(), f.config(), dir)
	if err != nil || res.Sent != 0 {
		t.Fatalf("second Sync sent again: %+v, %v", res, err)
	}
	if len(f.order) != 2 || f.metricCount(1) != 20 || f.received != 20 {
		t.Fatalf("after replay: %d runs, %d metrics stored, %d received (want 2, 20, 20)", len(f.order), f.metricCount(1), f.received)
	}
	if f.runs[f.order[1]].status != "FINISHED" || f.runs[f.order[1]].tags["mlflow.parentRunId"] != f.order[0] {
		t.Fatalf("replayed child wrong: %+v", f.runs[f.order[1]])
	}
}

func TestLostAnswerDoesNotDuplicateRuns(t *testing.T) {
	f := newFakeMLflow(t)
	f.dropAnswer(pathRunCreate) // the run is created, the answer never arrives
	tr := newTestTracker(t, f, t.TempDir(), &reports{}, 0)
	parent, _ := tr.StartParent("tune", nil, nil)
	tr.LogMetrics(parent, 0, map[string]float64{"auc": 0.9})
	tr.End(parent, Finished)
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(f.order) != 1 || f.runs[f.order[0]].status != "FINISHED" || f.metricCount(0) != 1 {
		t.Fatalf("after a lost answer: %d runs (want 1)", len(f.order))
	}
}

func TestNewTrackerResumesAnEarlierSpool(t *testing.T) {
	f := newFakeMLflow(t)
	dir := t.TempDir()
	f.setDown(true)
	tr := newTestTracker(t, f, dir, &reports{}, 0)
	logTuningTree(t, tr, dir, 10)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := tr.Close(ctx); err == nil {
		t.Fatal("Close sent everything to a down server")
	}
	f.setDown(false)
	tr2 := newTestTracker(t, f, dir, &reports{}, 0) // e.g. the job restarted
	if err := tr2.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, f, 10)
}

func TestSpoolIsExclusive(t *testing.T) {
	f := newFakeMLflow(t)
	dir := t.TempDir()
	tr := newTestTracker(t, f, dir, &reports{}, 0)
	defer tr.Close(context.Background())
	if _, err := Sync(context.Background(), f.config(), dir); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("Sync on a spool in use: %v", err)
	}
}

func TestSpoolReadingToleratesACrashMidWrite(t *testing.T) {
	dir := t.TempDir()
	good := `{"seq":1,"kind":"run","run":"a","experiment":"e"}` + "\n" + `{"acks":[1],"run_id":"r"}` + "\n"
	os.WriteFile(filepath.Join(dir, SpoolFile), []byte(good+`{"seq":2,"kind":"lo`), 0o644)
	st, err := readSpool(dir)
	if err != nil || len(st.calls) != 1 || len(st.pending()) != 0 {
		t.Fatalf("truncated last line: %v, %+v", err, st)
	}
	os.WriteFile(filepath.Join(dir, SpoolFile), []byte(good+"garbage\n"+good), 0o644)
	if _, err := readSpool(dir); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("damaged line: %v, want an error naming line 3", err)
	}
}

func TestTrackerRefusesBadCalls(t *testing.T) {
	f := newFakeMLflow(t)
	tr := newTestTracker(t, f, t.TempDir(), &reports{}, 0)
	defer tr.Close(context.Background())
	if _, err := tr.StartParent("x", map[string]any{"long": strings.Repeat("v", 6001)}, nil); err == nil || !strings.Contains(err.Error(), "6000") {
		t.Errorf("overlong param: %v", err)
	}
	if err := tr.LogMetrics(Run{ID: "nope"}, 0, map[string]float64{"a": 1}); err == nil {
		t.Error("metrics for an unknown run accepted")
	}
	p, _ := tr.StartParent("x", nil, nil)
	if err := tr.LogArtifact(p, "/does/not/exist", "a"); err == nil {
		t.Error("missing artifact file accepted")
	}
	if err := tr.LogArtifact(p, os.Args[0], "../escape"); err == nil {
		t.Error("artifact path with .. accepted")
	}
	if err := tr.End(p, "DONE"); err == nil {
		t.Error("unknown status accepted")
	}
}

func TestConfigErrorsSayWhatToDo(t *testing.T) {
	for uri, want := range map[string]string{"": "gotrain mlflow", "file:///tmp/mlruns": "http://", "http://": "no host"} {
		_, err := NewClient(Config{TrackingURI: uri})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("URI %q: %v, want mention of %q", uri, err, want)
		}
	}
}

func TestHangingServerNeverBlocksTraining(t *testing.T) {
	f := newFakeMLflow(t)
	f.hold = make(chan struct{}) // every request hangs until released
	rep := &reports{}
	tr, err := NewMLflow(f.config(), MLflowOptions{Dir: t.TempDir(), Report: rep.add, QueueSize: 16,
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond, GitCommit: "abc123"})
	if err != nil {
		t.Fatal(err)
	}
	// If any call waited for the network, this loop would never end (the
	// server answers nothing until hold is closed below).
	logTuningTree(t, tr, t.TempDir(), 500)
	close(f.hold)
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, f, 500)
}

func TestConcurrentTrialsInterleave(t *testing.T) {
	f := newFakeMLflow(t)
	f.setDown(true) // calls pile up interleaved, then replay
	dir := t.TempDir()
	tr := newTestTracker(t, f, dir, &reports{}, 0)
	parent, _ := tr.StartParent("tune", nil, nil)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		child, err := tr.StartChild(parent, string(rune('a'+i)), map[string]any{"i": i})
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 200; r++ {
				tr.LogMetrics(child, r, map[string]float64{"val-error": float64(r)})
			}
			tr.End(child, Finished)
		}()
	}
	wg.Wait()
	tr.End(parent, Finished)
	f.setDown(false)
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.order) != 5 {
		t.Fatalf("%d runs, want 5", len(f.order))
	}
	for _, id := range f.order[1:] {
		if n := len(f.runs[id].metrics); n != 200 || f.runs[id].status != "FINISHED" {
			t.Errorf("run %s: %d metrics, status %s", id, n, f.runs[id].status)
		}
	}
	if f.batches > 20 {
		t.Errorf("%d log-batch requests to replay 800 interleaved metrics; calls of different runs were not grouped", f.batches)
	}
}

func TestOneRefusedRunDoesNotDropTheOthers(t *testing.T) {
	for _, replay := range []string{"sender", "sync"} {
		t.Run(replay, func(t *testing.T) {
			f := newFakeMLflow(t)
			dir := t.TempDir()
			rep := &reports{}
			tr := newTestTracker(t, f, dir, rep, 0)
			parent, _ := tr.StartParent("tune", nil, nil)
			a, _ := tr.StartChild(parent, "a", nil)
			b, _ := tr.StartChild(parent, "b", nil)
			for f.metricCount(2) < 0 {
				time.Sleep(2 * time.Millisecond) // both runs exist
			}
			f.setDown(true) // what follows piles up and is sent as one group
			for r := 0; r < 10; r++ {
				tr.LogMetrics(a, r, map[string]float64{"m": 1})
				tr.LogMetrics(b, r, map[string]float64{"m": 1})
			}
			tr.SetTags(a, map[string]string{"refuse-me": "x"})
			if replay == "sync" {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
				defer cancel()
				tr.Close(ctx)
				f.setDown(false)
				res, err := Sync(context.Background(), f.config(), dir)
				if err != nil || res.Refused == 0 || res.Sent == 0 {
					t.Fatalf("sync: %+v %v", res, err)
				}
			} else {
				f.setDown(false)
				if err := tr.Close(context.Background()); err != nil {
					t.Fatal(err)
				}
				if rep.count("refused") != 1 {
					t.Errorf("refusal reported %d times: %v", rep.count("refused"), rep.lines)
				}
			}
			if f.metricCount(2) != 10 {
				t.Fatalf("run b got %d of 10 metrics after run a was refused", f.metricCount(2))
			}
		})
	}
}
