package tune

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/model"
	"github.com/gotrain/gotrain/trainlib/track"
)

func TestRunWritesBestAndResults(t *testing.T) {
	dir := t.TempDir()
	res, err := Run(context.Background(), twoHolders(t), testOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Trials) != 4 || res.Best == nil || res.BestModel == nil {
		t.Fatalf("trials %d, best %v", len(res.Trials), res.Best)
	}
	for _, tr := range res.Trials {
		if tr.Status != Terminated || tr.Rounds != 8 {
			t.Fatalf("trial %s: %s after %d rounds, want TERMINATED after 8", tr.ID, tr.Status, tr.Rounds)
		}
		if tr.Last("val-error") < res.Best.Last("val-error") {
			t.Fatalf("trial %s has val-error %v below the best's %v", tr.ID, tr.Last("val-error"), res.Best.Last("val-error"))
		}
	}
	m, err := model.Load(filepath.Join(dir, BestJSON))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Trees) != 8 || m.Params["eta"] == "" {
		t.Fatalf("tune_best.json: %d trees, params %v", len(m.Trees), m.Params)
	}
	if _, err := model.Load(filepath.Join(dir, BestXGB)); err != nil {
		t.Fatal(err)
	}
	trs, err := track.ReadTrialResults(filepath.Join(dir, track.TrialResultsFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(trs) != 4 || trs[0].Params["max_depth"] == nil || math.IsNaN(trs[0].Metrics["val-error"]) {
		t.Fatalf("trial_results.json: %+v", trs)
	}
	if s := res.String(); !strings.Contains(s, "* ") || !strings.Contains(s, "val-error") {
		t.Fatalf("text table lacks the best mark or the metric:\n%s", s)
	}
	if h := res.HTML(); !strings.Contains(h, `class="best"`) || !strings.Contains(h, "<td>"+res.Best.ID+"</td>") {
		t.Fatalf("HTML table lacks the best row:\n%s", h)
	}
}

// The default tuning metric (val-error) is one the default parameters do
// not compute (logloss): the trials compute it all the same, and a best
// trial is found, its early-stopping metric unchanged.
func TestDefaultMetricIsComputed(t *testing.T) {
	opt := testOptions("")
	opt.Base.EvalMetric = nil
	res, err := Run(context.Background(), twoHolders(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Best == nil || res.BestModel == nil || math.IsNaN(res.Best.Last("val-error")) {
		t.Fatalf("best %v with metric %s; want a best trial by val-error", res.Best, res.Metric)
	}
	if m := res.Best.History["val-logloss"]; len(m) == 0 {
		t.Fatalf("the parameters' own metric (logloss) is no longer computed: %v", res.Best.History)
	}
}

// Two trials overlap: each waits, in its first round, until the other
// has started. Run one at a time, the first would wait forever (the
// deadline turns that into a failure).
func TestTrialsRunConcurrently(t *testing.T) {
	var mu sync.Mutex
	started := map[string]bool{}
	both := make(chan struct{})
	hs := hooked(twoHolders(t), func(ctx context.Context, sess gbdt.SessionID, round int) error {
		if round != 0 {
			return nil
		}
		mu.Lock()
		started[trialOf(sess)] = true
		if len(started) == 2 {
			select {
			case <-both:
			default:
				close(both)
			}
		}
		mu.Unlock()
		select {
		case <-both:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Minute):
			return errors.New("the other trial never started: trials do not run concurrently")
		}
	})
	opt := testOptions("")
	opt.Samples = 2
	res, err := Run(context.Background(), hs, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Trials {
		if tr.Status != Terminated {
			t.Fatalf("trial %s: %s %s", tr.ID, tr.Status, tr.Err)
		}
	}
}

// uninterrupted returns the experiment directory of a plain run.
func uninterrupted(t *testing.T) string {
	dir := t.TempDir()
	if _, err := Run(context.Background(), twoHolders(t), testOptions(dir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sameModels fails unless got holds the best model and every trial's
// model of the experiment directory want, byte for byte.
func sameModels(t *testing.T, want, got, after string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(want, "trial_*", modelFile))
	if err != nil || len(files) == 0 {
		t.Fatalf("the uninterrupted run saved no trial models (%v)", err)
	}
	files = append(files, filepath.Join(want, BestJSON))
	for _, f := range files {
		rel, _ := filepath.Rel(want, f)
		w, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g, err := os.ReadFile(filepath.Join(got, rel))
		if err != nil {
			t.Fatalf("%s: %v", after, err)
		}
		if !bytes.Equal(g, w) {
			t.Fatalf("%s after %s differs from the uninterrupted run's", rel, after)
		}
	}
}

// A trial failing once (injected at round 3 of its first attempt) is
// retried from its checkpoint and ends with the model of a run without
// the failure.
func TestRetryAfterInjectedFailure(t *testing.T) {
	want := uninterrupted(t)
	dir := t.TempDir()
	var mu sync.Mutex
	attempts := map[string]int{}
	hs := hooked(twoHolders(t), func(ctx context.Context, sess gbdt.SessionID, round int) error {
		mu.Lock()
		defer mu.Unlock()
		if round == 0 {
			attempts[trialOf(sess)+string(sess[len(sess)-3:])]++
		}
		if round == 3 && strings.HasSuffix(string(sess), "-f0") {
			return fmt.Errorf("injected failure of %s", sess)
		}
		return nil
	})
	opt := testOptions(dir)
	opt.MaxFailures = 1
	res, err := Run(context.Background(), hs, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Trials {
		if tr.Status != Terminated || tr.Failures != 1 || !strings.Contains(tr.Err, "injected") {
			t.Fatalf("trial %s: %s, %d failures, %q; want TERMINATED after 1 injected failure", tr.ID, tr.Status, tr.Failures, tr.Err)
		}
	}
	sameModels(t, want, dir, "retries")
}

// Without retries left, a failing trial is marked failed with its error
// and the others finish.
func TestFailedTrialDoesNotStopOthers(t *testing.T) {
	hs := hooked(twoHolders(t), func(ctx context.Context, sess gbdt.SessionID, round int) error {
		if round == 2 && trialOf(sess) == "t0001" {
			return errors.New("injected failure")
		}
		return nil
	})
	res, err := Run(context.Background(), hs, testOptions(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Trials {
		want := Terminated
		if tr.ID == "t0001" {
			want = Errored
		}
		if tr.Status != want {
			t.Fatalf("trial %s: %s (%s), want %s", tr.ID, tr.Status, tr.Err, want)
		}
	}
	if res.Best == nil || res.Best.ID == "t0001" {
		t.Fatalf("best %v", res.Best)
	}
	if !strings.Contains(res.String(), "t0001: ") {
		t.Fatalf("the table does not show the failed trial's error:\n%s", res.String())
	}
}

// Cancelling the context mid-run returns promptly with what was done;
// rerunning on the same directory trains only what was missing and ends
// with the uninterrupted run's best model.
func TestResumeAfterCancel(t *testing.T) {
	want := uninterrupted(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hs := hooked(twoHolders(t), func(_ context.Context, sess gbdt.SessionID, round int) error {
		if trialOf(sess) == "t0002" && round == 4 {
			cancel()
		}
		return nil
	})
	res, err := Run(ctx, hs, testOptions(dir))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: err %v, want context.Canceled", err)
	}
	finished := map[string]bool{}
	for _, tr := range res.Trials {
		if tr.Status == Terminated {
			finished[tr.ID] = true
		}
	}
	if len(finished) == 0 || len(finished) == 4 {
		t.Fatalf("%d trials finished before the interrupt; the test needs some but not all", len(finished))
	}
	var mu sync.Mutex
	var events []string
	var logged []gbdt.Holder
	for _, h := range twoHolders(t) {
		logged = append(logged, &sessionLog{Holder: h, mu: &mu, events: &events})
	}
	if _, err := Run(context.Background(), logged, testOptions(dir)); err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if strings.HasPrefix(e, "start ") && finished[trialOf(gbdt.SessionID(strings.TrimPrefix(e, "start ")))] {
			t.Fatalf("finished trial trained again on resume: %s", e)
		}
	}
	if !slices.Contains(events, "continue t0002 from 3 trees") {
		t.Fatalf("t0002 (interrupted in round 4, last checkpoint 4 rounds, the last one redone) did not continue from 3 trees: %v", events)
	}
	sameModels(t, want, dir, "a resume")
}

// Sampling max_bin re-bins the shared data per trial; trials then run one
// at a time and each model uses its own bins.
func TestMaxBinInSpaceRebins(t *testing.T) {
	opt := testOptions("")
	opt.Space = Space{"eta": 0.3, "max_depth": 3, "max_bin": Grid{[]any{8, 64, 8}}}
	opt.Searcher, _ = NewGridSearch(opt.Space, 1, 1)
	res, err := Run(context.Background(), twoHolders(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Trials) != 3 {
		t.Fatalf("%d trials, want 3", len(res.Trials))
	}
	e := func(i int) float64 { return res.Trials[i].Last("val-logloss") }
	if e(0) != e(2) || e(0) == e(1) {
		t.Fatalf("val-logloss by max_bin 8, 64, 8: %v %v %v; want the two max_bin=8 trials equal and 64 different", e(0), e(1), e(2))
	}
}

// An interrupt in the middle of the only trial that has results leaves no
// best trial (its checkpoint resumes it), not an error telling the user to
// delete its directory.
func TestInterruptedUnfinishedTrialIsNotBest(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hs := hooked(twoHolders(t), func(_ context.Context, sess gbdt.SessionID, round int) error {
		if round == 4 {
			cancel()
		}
		return nil
	})
	res, err := Run(ctx, hs, testOptions(dir))
	if !errors.Is(err, context.Canceled) || strings.Contains(err.Error(), "delete") {
		t.Fatalf("interrupted run: err %v, want context.Canceled alone", err)
	}
	if res.Best != nil && (res.Best.Status != Terminated && res.Best.Status != Stopped || res.BestModel == nil) {
		t.Fatalf("best trial %s is %s (model %v): an unfinished trial has no model yet", res.Best.ID, res.Best.Status, res.BestModel != nil)
	}
	if _, err := Run(context.Background(), twoHolders(t), testOptions(dir)); err != nil {
		t.Fatalf("resume: %v", err)
	}
}

// OnTrialEnd sees each trial once, as it ends for good, with its whole
// history: a tracker can log it then instead of after the tuning.
func TestOnTrialEndSeesEachTrialAsItEnds(t *testing.T) {
	opt := testOptions(t.TempDir())
	seen := map[string]int{}
	opt.OnTrialEnd = func(tr *Trial) {
		if tr.Status != Terminated || tr.Rounds != 8 || len(tr.History["val-error"]) != 8 {
			t.Errorf("trial %s passed as %s after %d rounds", tr.ID, tr.Status, tr.Rounds)
		}
		seen[tr.ID]++
	}
	res, err := Run(context.Background(), twoHolders(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Trials {
		if seen[tr.ID] != 1 {
			t.Errorf("trial %s passed %d times", tr.ID, seen[tr.ID])
		}
	}
}

// TestDefaultConcurrency checks MaxConcurrent's default: one trial per
// CPU on in-process holders, two per CPU on remote ones (any other
// Holder), whose trials wait on the driver and the network between calls;
// an explicit value stays, and a Space sampling max_bin runs one trial at
// a time either way.
func TestDefaultConcurrency(t *testing.T) {
	local := twoHolders(t)
	remote := hooked(local, func(context.Context, gbdt.SessionID, int) error { return nil })
	cases := []struct {
		name string
		hs   []gbdt.Holder
		opt  Options
		want int
	}{
		{"in process", local, Options{CPUs: 3}, 3},
		{"remote", remote, Options{CPUs: 3}, 6},
		{"mixed", []gbdt.Holder{local[0], remote[1]}, Options{CPUs: 3}, 6},
		{"explicit", remote, Options{CPUs: 3, MaxConcurrent: 2}, 2},
		{"max_bin sampled", remote, Options{CPUs: 3, Space: Space{"max_bin": IntInclusive(16, 64)}}, 1},
	}
	for _, c := range cases {
		o := c.opt
		if err := o.defaults(c.hs); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if o.MaxConcurrent != c.want {
			t.Errorf("%s: MaxConcurrent %d, want %d", c.name, o.MaxConcurrent, c.want)
		}
	}
}
