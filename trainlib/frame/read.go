package frame

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sync/atomic"

	"github.com/gotrain/gotrain/trainlib/data"
)

// maxCells caps rows × columns of one Frame (8 bytes each): 16 GiB.
const maxCells = 1 << 31

// A file is read in blocks of whole records on every core (data.Records'
// Blocks): each block becomes a part, its columns read on their own, and
// the parts are merged into the frame's columns in file order.

// partCol is one column of a block: numbers until the block's first text
// value in it, text codes (into the part's own levels) from there on.
type partCol struct {
	num      []float64
	switched int // row of the block's first text value, or -1
	codes    []int32
	levels   []string
	index    map[string]int32
}

// part is what one block makes: its rows, column by column.
type part struct {
	rows int
	cols []partCol
}

// code returns text's index among levels, adding it when new; -1 for a
// missing value.
func code(index map[string]int32, levels *[]string, text []byte, missing bool) int32 {
	if missing {
		return -1
	}
	k, ok := index[string(text)]
	if !ok {
		k = int32(len(*levels))
		index[string(text)] = k
		*levels = append(*levels, string(text))
	}
	return k
}

// readPart reads one block's records into a part; rows is about how many
// it holds (0 when unknown), to size the columns.
func readPart(ctx context.Context, rec *data.Records, rows int) (*part, error) {
	p := &part{cols: make([]partCol, len(rec.Names()))}
	for i := range p.cols {
		p.cols[i].switched = -1
		if rows > 0 {
			p.cols[i].num = make([]float64, 0, rows)
		}
	}
	for ; ; p.rows++ {
		if p.rows%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err := rec.Next(); err != nil {
			if errors.Is(err, io.EOF) {
				return p, nil
			}
			return nil, err
		}
		for i := range p.cols {
			c := &p.cols[i]
			if c.switched >= 0 {
				text := rec.Text(i)
				c.codes = append(c.codes, code(c.index, &c.levels, text, rec.Missing(text)))
				continue
			}
			v, missing, ok := rec.Float(i)
			switch {
			case !ok:
				c.switched, c.index = p.rows, map[string]int32{}
				c.codes = append(c.codes, code(c.index, &c.levels, rec.Text(i), false))
			case missing:
				c.num = append(c.num, math.NaN())
			default:
				c.num = append(c.num, v)
			}
		}
	}
}

// builder collects one column of the frame. A column is numeric until its
// first text value; rows read as numbers in a column that holds text are
// read again as text in a second pass over the files (only for such
// columns, so a file of numbers is read once).
type builder struct {
	column
	index  map[string]int32
	reread []span // rows to read again as text, in order
}

// span is the rows [from, to).
type span struct{ from, to int }

// add appends one part's column c, whose rows start at row start.
func (b *builder) add(c *partCol, start, rows int) {
	if !b.isText && c.switched < 0 {
		b.num = append(b.num, c.num...)
		return
	}
	if !b.isText {
		// The first text value: the rows so far are read again as text.
		b.isText, b.index = true, map[string]int32{}
		b.codes = make([]int32, start, max(2*start, start+rows))
		b.num = nil
		b.rereadRows(0, start)
	}
	numbers := rows - len(c.codes)
	b.rereadRows(start, start+numbers)
	b.codes = slices.Grow(b.codes, rows)
	b.codes = b.codes[:len(b.codes)+numbers]
	for _, k := range c.codes {
		if k >= 0 {
			k = code(b.index, &b.levels, []byte(c.levels[k]), false)
		}
		b.codes = append(b.codes, k)
	}
}

// rereadRows marks the rows [from, to) to be read again as text.
func (b *builder) rereadRows(from, to int) {
	if from >= to {
		return
	}
	if n := len(b.reread); n > 0 && b.reread[n-1].to == from {
		b.reread[n-1].to = to
		return
	}
	b.reread = append(b.reread, span{from, to})
}

// reserve sizes a numeric column's storage for about rows rows.
func (b *builder) reserve(rows int) {
	if !b.isText && b.num == nil {
		b.num = make([]float64, 0, rows)
	}
}

// readFiles reads every file into one frame; all must have the same
// columns.
func readFiles(ctx context.Context, files []string, o Options) (*Frame, error) {
	var bs []*builder
	var names []string
	rows := 0
	for _, file := range files {
		err := eachPart(ctx, file, o, func(rec *data.Records) error {
			if bs == nil {
				names = rec.Names()
				bs = make([]*builder, len(names))
				for i, n := range names {
					bs[i] = &builder{column: column{name: n}}
				}
			} else if !slices.Equal(names, rec.Names()) {
				return fmt.Errorf("frame: %s has columns %v, but %s has %v: every file must have the same columns", file, rec.Names(), files[0], names)
			}
			return nil
		}, func(p *part, rowsHint int) error {
			if int64(rows+p.rows)*int64(len(bs)) > maxCells {
				return fmt.Errorf("frame: more than %d values; look at fewer files (a glob of some shards)", int64(maxCells))
			}
			for i, b := range bs {
				if rowsHint > 0 {
					b.reserve(rows + rowsHint)
				}
				b.add(&p.cols[i], rows, p.rows)
			}
			rows += p.rows
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if err := reread(ctx, files, o, bs); err != nil {
		return nil, err
	}
	f := &Frame{rows: rows, opt: o}
	for _, b := range bs {
		c := b.column
		f.cols = append(f.cols, &c)
	}
	return f, nil
}

// eachPart reads file's header (calling header) and then its records in
// parts, calling merge with each in order; rowsHint is, with the first
// part of the file, an estimate of the file's rows, else 0.
func eachPart(ctx context.Context, file string, o Options, header func(*data.Records) error, merge func(p *part, rowsHint int) error) error {
	r, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("frame: %w", err)
	}
	defer r.Close()
	size := int64(-1)
	if st, err := r.Stat(); err == nil {
		size = st.Size()
	}
	rec, err := data.NewRecords(r, file, o.data())
	if err != nil {
		return err
	}
	if err := header(rec); err != nil {
		return err
	}
	first := true
	var blockRows atomic.Int64 // rows of the last block merged, to size the next
	return rec.Blocks(ctx, func(ctx context.Context, block *data.Records) (any, error) {
		return readPart(ctx, block, int(blockRows.Load()*9/8))
	}, func(p any, blockBytes int) error {
		pt := p.(*part)
		blockRows.Store(int64(pt.rows))
		hint := 0
		if first && size > 0 && blockBytes > 0 {
			hint = int(size*int64(pt.rows)/int64(blockBytes)*11/10) + 16
		}
		first = false
		return merge(pt, hint)
	})
}

// reread reads, as text, the rows of text columns that were read as
// numbers (those before a column's first text value, and those of blocks
// that held only numbers in it).
func reread(ctx context.Context, files []string, o Options, bs []*builder) error {
	var late []*builder
	var idx []int
	for i, b := range bs {
		if len(b.reread) > 0 {
			late, idx = append(late, b), append(idx, i)
		}
	}
	if len(late) == 0 {
		return nil
	}
	row := 0
	return eachRecord(ctx, files, o, func(rec *data.Records) error {
		for j, b := range late {
			for len(b.reread) > 0 && b.reread[0].to <= row {
				b.reread = b.reread[1:]
			}
			if len(b.reread) > 0 && b.reread[0].from <= row {
				text := rec.Text(idx[j])
				b.codes[row] = code(b.index, &b.levels, text, rec.Missing(text))
			}
		}
		row++
		return nil
	})
}

// eachRecord calls record for every record of files, in order, one by one.
func eachRecord(ctx context.Context, files []string, o Options, record func(*data.Records) error) error {
	for _, file := range files {
		if err := eachInFile(ctx, file, o, record); err != nil {
			return err
		}
	}
	return nil
}

func eachInFile(ctx context.Context, file string, o Options, record func(*data.Records) error) error {
	r, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("frame: %w", err)
	}
	defer r.Close()
	rec, err := data.NewRecords(r, file, o.data())
	if err != nil {
		return err
	}
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := rec.Next(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := record(rec); err != nil {
			return err
		}
	}
}
