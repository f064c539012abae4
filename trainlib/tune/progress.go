package tune

import (
	"fmt"
	"io"
	"time"
)

// Display shows a value and replaces it in place on each Update; the
// kernel's display handle satisfies it, and the values passed (*Table)
// have HTML() and String().
type Display interface{ Update(v any) }

// throttle forwards tables to a Display no more often than every.
type throttle struct {
	d      Display
	chart  Display
	every  time.Duration
	metric string
	total  int
	last   time.Time
}

func newThrottle(d Display, every time.Duration, metric string, total int) *throttle {
	return &throttle{d: d, every: every, metric: metric, total: total}
}

// update sends a snapshot when every has passed since the last one, or
// when force is set (start and end).
func (t *throttle) update(trials []*Trial, best *Trial, now time.Time, force bool) {
	if (t.d == nil && t.chart == nil) || (!force && now.Sub(t.last) < t.every) {
		return
	}
	t.last = now
	if t.d != nil {
		t.d.Update(newTable(trials, best, t.metric, t.total, now))
	}
	if t.chart != nil {
		if c, err := Curves(trials, t.metric); err == nil {
			t.chart.Update(c)
		}
	}
}

// Terminal is a Display for a command line: on a TTY it redraws the table
// in place; otherwise it writes one plain line per trial per update.
type Terminal struct {
	W     io.Writer
	TTY   bool
	lines int
}

// Update implements Display.
func (t *Terminal) Update(v any) {
	tb, ok := v.(*Table)
	if !ok {
		fmt.Fprintln(t.W, v)
		return
	}
	if !t.TTY {
		for _, r := range tb.Rows {
			fmt.Fprintf(t.W, "%s %s iter %d/%d", r.ID, r.Status, r.Rounds, r.Total)
			for _, m := range tb.Metrics {
				if v, ok := r.Metrics[m]; ok {
					fmt.Fprintf(t.W, " %s=%s", m, fmtMetric(v, true))
				}
			}
			fmt.Fprintln(t.W)
		}
		return
	}
	if t.lines > 0 {
		fmt.Fprintf(t.W, "\x1b[%dA\x1b[J", t.lines)
	}
	s := tb.String()
	t.lines = 0
	for _, c := range s {
		if c == '\n' {
			t.lines++
		}
	}
	io.WriteString(t.W, s)
}
