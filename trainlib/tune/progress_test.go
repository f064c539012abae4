package tune

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
)

// recorder is a Display keeping every value it is given.
type recorder struct {
	mu     sync.Mutex
	values []any
}

func (r *recorder) Update(v any) {
	r.mu.Lock()
	r.values = append(r.values, v)
	r.mu.Unlock()
}

func TestThrottleUpdatesAtMostEveryHalfSecond(t *testing.T) {
	rec := &recorder{}
	th := newThrottle(rec, 500*time.Millisecond, "val-error", 8)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	trials := []*Trial{{ID: "t0000", Status: Running, Started: t0, History: map[string][]float64{}}}
	th.update(trials, nil, t0, true)
	var sent []time.Duration
	for ms := 100; ms <= 2000; ms += 100 {
		before := len(rec.values)
		th.update(trials, nil, t0.Add(time.Duration(ms)*time.Millisecond), false)
		if len(rec.values) > before {
			sent = append(sent, time.Duration(ms)*time.Millisecond)
		}
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 1500 * time.Millisecond, 2 * time.Second}
	if len(sent) != len(want) {
		t.Fatalf("updates at %v, want %v", sent, want)
	}
	for i := range want {
		if sent[i] != want[i] {
			t.Fatalf("updates at %v, want %v", sent, want)
		}
	}
}

// A run shows its table and its learning curves from start to end: the
// last table has every trial finished with the best marked.
func TestRunShowsProgress(t *testing.T) {
	table, curves := &recorder{}, &recorder{}
	opt := testOptions("")
	opt.Display, opt.Chart = table, curves
	res, err := Run(context.Background(), twoHolders(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(table.values) < 2 {
		t.Fatalf("%d table updates, want the first and the last at least", len(table.values))
	}
	last, ok := table.values[len(table.values)-1].(*Table)
	if !ok {
		t.Fatalf("display got %T, want *Table", table.values[len(table.values)-1])
	}
	if len(last.Rows) != 4 || last.Best < 0 || last.Rows[last.Best].ID != res.Best.ID {
		t.Fatalf("last table: %d rows, best %d; want 4 rows and %s best", len(last.Rows), last.Best, res.Best.ID)
	}
	for _, r := range last.Rows {
		if r.Status != Terminated || r.Rounds != 8 {
			t.Fatalf("last table row %+v, want TERMINATED after 8 rounds", r)
		}
	}
	c, ok := curves.values[len(curves.values)-1].(*chart.Chart)
	if !ok {
		t.Fatalf("chart display got %T", curves.values[len(curves.values)-1])
	}
	if png := c.PNG(); len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("learning curves are not a PNG (%d bytes)", len(png))
	}
}

func TestTerminalPlainLinesWithoutTTY(t *testing.T) {
	var b bytes.Buffer
	term := &Terminal{W: &b}
	tb := &Table{Metric: "val-error", Metrics: []string{"val-error"}, Best: 0,
		Rows: []Row{{ID: "t0000", Status: Running, Rounds: 3, Total: 8, Metrics: map[string]float64{"val-error": 0.25}}}}
	term.Update(tb)
	term.Update(tb)
	want := "t0000 RUNNING iter 3/8 val-error=0.25000\n"
	if b.String() != want+want {
		t.Fatalf("got %q, want two plain lines %q", b.String(), want)
	}
	b.Reset()
	tty := &Terminal{W: &b, TTY: true}
	tty.Update(tb)
	tty.Update(tb)
	if !strings.Contains(b.String(), "\x1b[2A\x1b[J") {
		t.Fatalf("TTY output does not redraw the 2-line table in place: %q", b.String())
	}
}
