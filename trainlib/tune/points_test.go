package tune

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestPointsSuggestsTheListInOrder(t *testing.T) {
	in := []Config{{"eta": 0.01, "max_depth": 3}, {"eta": 0.2, "max_depth": 6}}
	p, err := NewPoints(in)
	if err != nil {
		t.Fatal(err)
	}
	in[0]["eta"] = 99.0 // the searcher holds its own copy
	if p.Trials() != 2 {
		t.Fatalf("Trials() = %d, want 2", p.Trials())
	}
	want := []Config{{"eta": 0.01, "max_depth": 3}, {"eta": 0.2, "max_depth": 6}}
	for i, w := range want {
		c, ok := p.Suggest(i)
		if !ok || !reflect.DeepEqual(c, w) {
			t.Fatalf("Suggest(%d) = %v, %v; want %v, true", i, c, ok, w)
		}
		c["eta"] = -1.0 // callers may change what they get
	}
	if c, _ := p.Suggest(0); c["eta"] != 0.01 {
		t.Fatalf("Suggest(0) after a caller's change = %v, want eta 0.01", c)
	}
	if c, ok := p.Suggest(2); ok || c != nil {
		t.Fatalf("Suggest(2) = %v, %v; want nil, false after the list", c, ok)
	}
}

func TestPointsRejectsEmptyInput(t *testing.T) {
	if _, err := NewPoints(nil); err == nil || !strings.Contains(err.Error(), "at least one") {
		t.Fatalf("NewPoints(nil) error = %v, want one asking for a configuration", err)
	}
	if _, err := NewPoints([]Config{{"eta": 0.1}, {}}); err == nil || !strings.Contains(err.Error(), "configuration 1") {
		t.Fatalf("NewPoints with an empty config: error = %v, want one naming configuration 1", err)
	}
}

// Run with a Points searcher runs exactly the listed configurations, one
// trial each, whatever Samples says.
func TestPointsDriveRun(t *testing.T) {
	list := []Config{{"eta": 0.3, "max_depth": 2}, {"eta": 0.05, "max_depth": 4}, {"eta": 0.3, "max_depth": 2}}
	p, err := NewPoints(list)
	if err != nil {
		t.Fatal(err)
	}
	o := testOptions(t.TempDir())
	o.Searcher = p
	res, err := Run(context.Background(), twoHolders(t), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Trials) != len(list) {
		t.Fatalf("%d trials, want %d (one per point)", len(res.Trials), len(list))
	}
	for i, tr := range res.Trials {
		if tr.Config["eta"] != list[i]["eta"] || tr.Config["max_depth"] != list[i]["max_depth"] {
			t.Fatalf("trial %d ran %v, want %v", i, tr.Config, list[i])
		}
		if tr.Status != Terminated || tr.Rounds != 8 {
			t.Fatalf("trial %d: %s after %d rounds, want TERMINATED after 8", i, tr.Status, tr.Rounds)
		}
	}
	// The same point twice gives the same model, so the same metric.
	if a, b := res.Trials[0].Last("val-error"), res.Trials[2].Last("val-error"); a != b {
		t.Fatalf("the repeated point ended at val-error %v and %v", a, b)
	}
}
