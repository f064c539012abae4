package data

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// Files of at least parallelMinBytes are parsed in blocks of about
// parallelBlockBytes on GOMAXPROCS goroutines.
const (
	parallelMinBytes   = 8 << 20
	parallelBlockBytes = 1 << 20
)

// block is a run of whole records of the input.
type block struct {
	seq   int
	first bool      // the input's first bytes (a BOM may start it)
	line  int       // line number of its first byte
	text  []byte    // whole records, line ends included
	rest  io.Reader // the rest of the input, read after text (last block only)
	out   any       // what parse made of the block
	err   error
}

// parallel parses the rest of rr in blocks (see inBlocks) into b.
func (p *parser) parallel(ctx context.Context, rr *recordReader, b *rowBuilder, size int64) error {
	parse := func(ctx context.Context, br *recordReader, bl *block) (any, error) {
		rows := p.builder()
		rows.reserve(int64(bytes.Count(bl.text, []byte{'\n'}) + 1))
		return rows, p.records(ctx, br, rows, -1)
	}
	merge := func(bl *block) error {
		cur := bl.out.(*rowBuilder)
		if b.values == nil && size > 0 && len(bl.text) > 0 {
			// Size the storage once from the first block's density.
			b.reserve(size*int64(cur.rows)/int64(len(bl.text))*11/10 + 16)
		}
		return b.appendRows(cur, rr.file)
	}
	return inBlocks(ctx, rr, p.o.BlockBytes, parse, merge)
}

// inBlocks parses the rest of rr in blocks of about blockBytes (a default
// when zero) that end at record boundaries (a line end outside quotes),
// each on its own recordReader that numbers lines from the block's first
// line, on GOMAXPROCS goroutines: parse makes something of one block's
// records, and merge gets the blocks in input order, so rows, values and
// errors are exactly those of reading the records one by one. The first
// error in input order wins.
func inBlocks(ctx context.Context, rr *recordReader, blockBytes int,
	parse func(ctx context.Context, br *recordReader, bl *block) (any, error), merge func(bl *block) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	todo := make(chan *block, workers)
	done := make(chan *block, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for bl := range todo {
				if ctx.Err() != nil {
					bl.err = ctx.Err()
				} else {
					bl.out, bl.err = parse(ctx, blockReader(rr, bl), bl)
				}
				done <- bl
			}
		}()
	}
	splitErr := make(chan error, 1)
	go func() {
		splitErr <- split(ctx, rr, blockBytes, todo)
		close(todo)
		wg.Wait()
		close(done)
	}()
	// Merge blocks in input order.
	pending := map[int]*block{}
	next := 0
	var firstErr error
	for bl := range done {
		pending[bl.seq] = bl
		for pending[next] != nil {
			cur := pending[next]
			delete(pending, next)
			next++
			if firstErr != nil {
				continue
			}
			err := cur.err
			if err == nil {
				err = merge(cur)
			}
			cur.out, cur.text = nil, nil
			if err != nil {
				firstErr = err
				cancel()
			}
		}
	}
	if err := <-splitErr; err != nil && (firstErr == nil || errors.Is(firstErr, context.Canceled)) {
		// A read error comes after every block before it parsed cleanly.
		return err
	}
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// blockReader returns a recordReader for bl's records, numbering lines
// from bl's first line.
func blockReader(rr *recordReader, bl *block) *recordReader {
	br := &recordReader{file: rr.file, comma: rr.comma, maxLine: rr.maxLine, maxCols: rr.maxCols,
		nextLine: bl.line, started: !bl.first}
	var r io.Reader = bytes.NewReader(bl.text)
	if bl.rest != nil {
		r = io.MultiReader(r, bl.rest)
	}
	br.br = bufio.NewReaderSize(r, min(rr.maxLine+2, 64<<10))
	return br
}

// appendRows adds a block's rows to b.
func (b *rowBuilder) appendRows(from *rowBuilder, file string) error {
	if int64(b.rows)+int64(from.rows) > b.p.maxRows {
		return &Error{File: file, Expected: fmt.Sprintf("at most %d values (rows × features) in one data set", b.p.o.maxValues()),
			Hint: "split the data into more shards, or raise MaxValues"}
	}
	b.grow(from.rows)
	b.values = append(b.values, from.values...)
	b.labels = append(b.labels, from.labels...)
	b.weights = append(b.weights, from.weights...)
	b.rows += from.rows
	return nil
}

// split reads rr's remaining input into blocks of whole records.
func split(ctx context.Context, rr *recordReader, size int, todo chan<- *block) error {
	if size <= 0 {
		size = parallelBlockBytes
	}
	line := rr.nextLine
	first := !rr.started
	var carry []byte
	for seq := 0; ; seq++ {
		// A record longer than a block doubles the read, so a long one
		// (a quote left open) costs linear time, not quadratic.
		buf := make([]byte, len(carry), len(carry)+max(size, len(carry)))
		copy(buf, carry)
		n, err := io.ReadFull(rr.br, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			return fmt.Errorf("%s line %d: %w", rr.file, line+bytes.Count(buf, []byte{'\n'}), err)
		}
		end := len(buf)
		if !eof {
			end = recordsEnd(buf)
			if end < 0 && len(buf) > rr.maxLine+2+size {
				// No record ends in a long stretch (a quote left open?):
				// parse the rest in one piece, as the sequential reader would.
				select {
				case todo <- &block{seq: seq, first: first, line: line, text: buf, rest: rr.br}:
				case <-ctx.Done():
					return ctx.Err()
				}
				return nil
			}
		}
		if end < 0 {
			carry = buf
			seq--
			continue
		}
		carry = append([]byte(nil), buf[end:]...)
		if end > 0 {
			select {
			case todo <- &block{seq: seq, first: first, line: line, text: buf[:end]}:
			case <-ctx.Done():
				return ctx.Err()
			}
			first = false
			line += bytes.Count(buf[:end], []byte{'\n'})
		} else {
			seq--
		}
		if eof {
			if end > 0 && buf[end-1] != '\n' {
				line++ // a last line without a line end
			}
			rr.nextLine = line
			return nil
		}
	}
}

// recordsEnd returns the offset just after the last line end of buf that is
// outside quotes (buf starts at a record boundary), or -1.
func recordsEnd(buf []byte) int {
	if bytes.IndexByte(buf, '"') < 0 {
		if i := bytes.LastIndexByte(buf, '\n'); i >= 0 {
			return i + 1
		}
		return -1
	}
	end, quoted := -1, false
	for i, c := range buf {
		switch c {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				end = i + 1
			}
		}
	}
	return end
}
