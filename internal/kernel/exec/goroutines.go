package exec

import (
	"bytes"
	"context"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Goroutines started by cells, and what they print once their cell has
// finished.
//
// A go statement in a cell is rewritten (rewriter.goStmt) so that the new
// goroutine registers itself with the cell that started it (GoStart) and
// unregisters when it returns (GoEnd). What interpreted code prints goes
// to the current cell (the running one, else the latest); when the writer
// is a goroutine of another cell, each line it prints is labelled with
// that cell ("[from cell [3]] …"), so it reads as the earlier cell's and
// never as the current cell's. It is labelled in the current cell rather
// than sent under the earlier cell's parent header: clients that run
// notebooks headless (nbclient, papermill) listen only to the cell they
// are running, and would drop it. A goroutine a registered one starts
// belongs to the same cell (rtCell).
//
// Goroutines also carry pprof labels naming their cell and, for one a go
// statement started, the statement's place in the cell: the executor runs
// with GODEBUG=tracebacklabels=1, so a fatal error's stack names them and
// the supervisor can say where the crashing goroutine came from.
//
// What compiled code writes to file descriptors 1 and 2 from such a
// goroutine cannot be told apart: it goes to the current cell unlabelled.

// goroutines maps live cell goroutines to their cell.
type goroutines struct {
	mu   sync.Mutex
	byID map[uint64]int64 // goroutine id → cell sequence number
	live map[int64]int    // cell sequence number → live goroutines
	n    atomic.Int64     // live goroutines of all cells, read without mu
}

// add records that the calling goroutine belongs to cell and returns its
// id, for remove.
func (g *goroutines) add(cell int64) uint64 {
	id := goid()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.byID == nil {
		g.byID, g.live = map[uint64]int64{}, map[int64]int{}
	}
	g.byID[id] = cell
	g.live[cell]++
	g.n.Add(1)
	return id
}

// remove forgets goroutine id.
func (g *goroutines) remove(id uint64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	cell, ok := g.byID[id]
	if !ok {
		return
	}
	delete(g.byID, id)
	g.n.Add(-1)
	if g.live[cell]--; g.live[cell] <= 0 {
		delete(g.live, cell)
	}
}

// cellOf is the cell the calling goroutine belongs to when that is
// another than cur; ok is false for the cells' own goroutines, and at
// once (without finding the goroutine's id) when no goroutine of another
// cell is alive.
func (g *goroutines) cellOf(cur int64) (cell int64, ok bool) {
	g.mu.Lock()
	others := len(g.live) > 1 || (len(g.live) == 1 && g.live[cur] == 0)
	g.mu.Unlock()
	if !others {
		return 0, false
	}
	id := goid()
	g.mu.Lock()
	defer g.mu.Unlock()
	cell, ok = g.byID[id]
	return cell, ok && cell != cur
}

// goid is the calling goroutine's id, as its stack trace starts:
// "goroutine 18 [running]:".
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}

// rtGoStart registers the goroutine a go statement of cell started, at
// where ("cell:3:2"), and labels it for stack traces; rtGoEnd(id) ends it.
func (s *Session) rtGoStart(cell int64, where string) uint64 {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("cell", s.cellLabel(cell), "go", where)))
	return s.gors.add(cell)
}

func (s *Session) rtGoEnd(id uint64) { s.gors.remove(id) }

// cellLabel names cell sequence number seq: "cell [3]".
func (s *Session) cellLabel(seq int64) string {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	if l, ok := s.labels[seq]; ok {
		return l
	}
	return "an earlier cell"
}

// labelLines prefixes each line text starts with "[from <label>] ";
// atStart says whether the previous text of this stream from that cell
// ended a line, and is updated.
func labelLines(label, text string, atStart *bool) string {
	prefix := "[from " + label + "] "
	var b strings.Builder
	for len(text) > 0 {
		if *atStart {
			b.WriteString(prefix)
		}
		line, rest, nl := strings.Cut(text, "\n")
		b.WriteString(line)
		if nl {
			b.WriteByte('\n')
		}
		*atStart = nl
		text = rest
	}
	return b.String()
}

// streamFrom sends text written by a goroutine of the finished cell to
// the current cell, each line labelled with the cell it came from.
func (s *Session) streamFrom(cell int64, cur cellState, name, text string) {
	label := s.cellLabel(cell)
	s.curMu.Lock()
	if s.lineStart == nil {
		s.lineStart = map[string]bool{}
	}
	key := name + " " + strconv.FormatInt(cell, 10)
	at, seen := s.lineStart[key]
	if !seen {
		at = true
	}
	text = labelLines(label, text, &at)
	s.lineStart[key] = at
	s.curMu.Unlock()
	cur.out.Stream(name, text)
}
