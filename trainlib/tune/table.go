package tune

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"time"
)

// Table is a snapshot of every trial, for display: HTML() in the
// notebook, String() in a terminal or a log.
type Table struct {
	Rows   []Row
	Metric string
	// Params and Metrics name the columns, sorted.
	Params, Metrics []string
	// Best is the index in Rows of the best trial, or -1.
	Best int
}

// Row is one trial in a Table.
type Row struct {
	ID      string
	Status  Status
	Config  Config
	Rounds  int
	Total   int
	Metrics map[string]float64
	Elapsed time.Duration
	// ETA is the estimated time left for a running trial, 0 otherwise.
	ETA time.Duration
	Err string
}

// newTable snapshots trials at now; total is each trial's rounds.
func newTable(trials []*Trial, best *Trial, metric string, total int, now time.Time) *Table {
	tb := &Table{Metric: metric, Best: -1}
	params, metrics := map[string]bool{}, map[string]bool{}
	for i, t := range trials {
		row := Row{ID: t.ID, Status: t.Status, Config: Config{}, Rounds: t.Rounds, Total: total,
			Metrics: map[string]float64{}, Elapsed: t.Elapsed, Err: t.Err}
		for k, v := range t.Config {
			row.Config[k], params[k] = v, true
		}
		for k := range t.History {
			row.Metrics[k], metrics[k] = t.Last(k), true
		}
		if t.Status == Running {
			row.Elapsed += now.Sub(t.Started)
			if t.Rounds > 0 {
				row.ETA = time.Duration(float64(row.Elapsed) / float64(t.Rounds) * float64(total-t.Rounds))
			}
		}
		if t == best {
			tb.Best = i
		}
		tb.Rows = append(tb.Rows, row)
	}
	tb.Params, tb.Metrics = sortedSet(params), sortedSet(metrics)
	return tb
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func fmtValue(v any) string {
	switch x := v.(type) {
	case float64:
		return fmt.Sprintf("%.4g", x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func fmtMetric(v float64, ok bool) string {
	if !ok || math.IsNaN(v) {
		return ""
	}
	return fmt.Sprintf("%.5f", v)
}

func fmtDur(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	return d.Round(100 * time.Millisecond).String()
}

// cells returns a row's cells in column order.
func (tb *Table) cells(r Row) []string {
	c := []string{r.ID, string(r.Status)}
	for _, p := range tb.Params {
		c = append(c, fmtValue(r.Config[p]))
	}
	c = append(c, fmt.Sprintf("%d/%d", r.Rounds, r.Total))
	for _, m := range tb.Metrics {
		v, ok := r.Metrics[m]
		c = append(c, fmtMetric(v, ok))
	}
	return append(c, fmtDur(r.Elapsed), fmtDur(r.ETA))
}

func (tb *Table) header() []string {
	h := append([]string{"trial", "status"}, tb.Params...)
	h = append(h, "iter")
	h = append(h, tb.Metrics...)
	// "time left", not "eta": eta is also the learning rate's column.
	return append(h, "elapsed", "time left")
}

// String renders the table as aligned text, the best trial marked *.
func (tb *Table) String() string {
	rows := [][]string{tb.header()}
	for _, r := range tb.Rows {
		rows = append(rows, tb.cells(r))
	}
	w := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			w[j] = max(w[j], len(c))
		}
	}
	var b strings.Builder
	for i, r := range rows {
		mark := "  "
		if i > 0 && i-1 == tb.Best {
			mark = "* "
		}
		b.WriteString(mark)
		for j, c := range r {
			fmt.Fprintf(&b, "%-*s ", w[j], c)
		}
		b.WriteString("\n")
	}
	for _, r := range tb.Rows {
		if r.Err != "" {
			fmt.Fprintf(&b, "%s: %s\n", r.ID, r.Err)
		}
	}
	return b.String()
}

// HTML renders the table for a notebook, the best trial highlighted.
func (tb *Table) HTML() string {
	var b strings.Builder
	b.WriteString(`<table class="gotrain-tune"><thead><tr>`)
	for _, h := range tb.header() {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(h))
	}
	b.WriteString("</tr></thead><tbody>")
	for i, r := range tb.Rows {
		if i == tb.Best {
			b.WriteString(`<tr class="best" style="font-weight:bold;background:#e6f4ea">`)
		} else {
			b.WriteString("<tr>")
		}
		for _, c := range tb.cells(r) {
			fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	if tb.Best >= 0 {
		fmt.Fprintf(&b, "<p>best: %s (%s %s)</p>", html.EscapeString(tb.Rows[tb.Best].ID), html.EscapeString(tb.Metric),
			fmtMetric(tb.Rows[tb.Best].Metrics[tb.Metric], true))
	}
	return b.String()
}
