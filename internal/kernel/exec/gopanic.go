package exec

import (
	"context"
	"fmt"
)

// keepLabels bounds how many cells' names the session remembers for
// panics of goroutines that outlive them.
const keepLabels = 256

// startCell makes out the current cell's output and gives the cell its
// sequence number, which go statements capture (rtCell). It returns the
// cell's name ("cell [3]").
func (s *Session) startCell(ctx context.Context, out Output) string {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	s.cellSeq++
	s.cur = cellState{ctx: ctx, out: out, seq: s.cellSeq}
	if s.labels == nil {
		s.labels = map[int64]string{}
	}
	label := fmt.Sprintf("cell #%d of this session", s.cellSeq)
	if c, ok := out.(CountedOutput); ok && c.ExecutionCount() > 0 {
		label = fmt.Sprintf("cell [%d]", c.ExecutionCount())
	}
	s.labels[s.cellSeq] = label
	delete(s.labels, s.cellSeq-keepLabels)
	if len(s.lineStart) > keepLabels {
		s.lineStart = nil
	}
	return label
}

// rtCell is the cell a go statement's goroutine belongs to (see
// rewriter.goStmt): the running cell's sequence number, or the one of
// the cell whose goroutine runs the statement.
func (s *Session) rtCell() int64 {
	cur := s.current().seq
	if cell, ok := s.gors.cellOf(cur); ok {
		return cell
	}
	return cur
}

// goPanic reports a panic recovered in a goroutine that cell started (go
// statements are rewritten to recover). While that cell runs, the panic
// is its error; after it, the panic is shown on its own, naming the cell
// it came from — never as the failure of a later, unrelated cell.
func (s *Session) goPanic(r any, cell int64) {
	s.opts.Log("panic in a cell's goroutine: %v", r) // the cell shows where
	cur := s.current()
	own := s.running.Load() && cur.seq == cell
	where := "in a goroutine started by the cell"
	if !own {
		s.curMu.Lock()
		label, ok := s.labels[cell]
		s.curMu.Unlock()
		if !ok {
			label = "an earlier cell"
		}
		where = "in a goroutine started by " + label + ", after that cell had finished"
	}
	e := s.panicError(r, s.panics.take(), where)
	if own && s.setGoError(e) {
		return // the running cell fails with it
	}
	s.syncOutput()
	if eo, ok := cur.out.(ErrorOutput); ok {
		eo.Error(e)
		return
	}
	for _, l := range e.Traceback {
		cur.out.Stream("stderr", l+"\n")
	}
}
