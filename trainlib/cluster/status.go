package cluster

import (
	"context"
	"fmt"
	"html"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/cluster/wire"
)

// WorkerStatus describes one worker as the driver sees it.
type WorkerStatus struct {
	Address string
	PID     int
	CPUs    int
	// Spawned is true for a worker this driver started.
	Spawned bool
	// Alive is false once the worker is declared lost.
	Alive bool
	// Groups are the shard groups it holds; Shards and Rows their totals.
	Groups []int
	Shards int
	Rows   int64
	// MemBytes is the worker's Go heap in use.
	MemBytes uint64
	// Busy is true while it runs a training call.
	Busy bool
	// LastError is the last error the worker or the driver saw.
	LastError string
	// BytesSent and BytesReceived count the driver's payload traffic with
	// this worker.
	BytesSent, BytesReceived int64
}

// Status describes every worker of a cluster. It prints as a text table
// (String) and renders as an HTML table in the kernel (HTML).
type Status struct {
	Workers []WorkerStatus
}

// Status asks every live worker for its state (each within 2 s).
func (c *Cluster) Status(ctx context.Context) Status {
	ctx = cellctx.Or(ctx)
	c.mu.Lock()
	ws := append([]*workerConn(nil), c.workers...)
	c.mu.Unlock()
	for _, g := range c.groups {
		if w := g.worker(); !contains(ws, w) {
			ws = append(ws, w)
		}
	}
	out := Status{Workers: make([]WorkerStatus, len(ws))}
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out.Workers[i] = w.status(ctx)
		}()
	}
	wg.Wait()
	return out
}

func contains(ws []*workerConn, w *workerConn) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// status asks one worker for its state.
func (w *workerConn) status(ctx context.Context) WorkerStatus {
	s := WorkerStatus{Address: w.addr, PID: w.pid, CPUs: w.cpus, Spawned: w.proc != nil, Alive: w.alive(),
		BytesSent: w.sent.Load(), BytesReceived: w.recv.Load()}
	if s.Alive {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		var r wire.StatusResponse
		if err := w.conn.Invoke(ctx, fullMethod(mStatus), &wire.StatusRequest{}, &r); err != nil {
			s.LastError = "status: " + err.Error()
		} else {
			s.Groups, s.Shards, s.Rows, s.MemBytes, s.Busy = r.Groups, r.Shards, r.Rows, r.MemBytes, r.Busy > 0
			s.LastError = r.LastErr
		}
	}
	w.mu.Lock()
	if w.lastErr != "" {
		s.LastError = w.lastErr
	}
	w.mu.Unlock()
	return s
}

// state is the one-word state of a worker.
func (s WorkerStatus) state() string {
	switch {
	case !s.Alive:
		return "lost"
	case s.Busy:
		return "busy"
	default:
		return "idle"
	}
}

// String renders the status as a text table for the terminal.
func (s Status) String() string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ADDRESS\tPID\tSTATE\tGROUPS\tSHARDS\tROWS\tMEMORY\tSENT\tRECEIVED\tLAST ERROR")
	for _, w := range s.Workers {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%v\t%d\t%d\t%s\t%s\t%s\t%s\n", w.Address, w.PID, w.state(), w.Groups,
			w.Shards, w.Rows, bytesText(int64(w.MemBytes)), bytesText(w.BytesSent), bytesText(w.BytesReceived), oneLine(w.LastError))
	}
	_ = tw.Flush()
	return b.String()
}

// HTML renders the status as a table for the notebook.
func (s Status) HTML() string {
	var b strings.Builder
	b.WriteString(`<table class="gotrain-cluster-status"><thead><tr><th>address</th><th>pid</th><th>state</th><th>groups</th><th>shards</th><th>rows</th><th>memory</th><th>sent</th><th>received</th><th>last error</th></tr></thead><tbody>`)
	for _, w := range s.Workers {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
			html.EscapeString(w.Address), w.PID, w.state(), html.EscapeString(fmt.Sprint(w.Groups)), w.Shards, w.Rows,
			bytesText(int64(w.MemBytes)), bytesText(w.BytesSent), bytesText(w.BytesReceived), html.EscapeString(oneLine(w.LastError)))
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

// bytesText prints a byte count with a binary unit.
func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d B", n)
	}
}

// oneLine keeps the first line of an error, clipped, or "-".
func oneLine(s string) string {
	if s == "" {
		return "-"
	}
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
