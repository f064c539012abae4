package frame

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/gotrain/gotrain/trainlib/data"
)

// maxCells caps rows × columns of one Frame (8 bytes each): 16 GiB.
const maxCells = 1 << 31

// builder collects one column while reading. A column is numeric until its
// first text value; the numbers read before then are re-read as text in a
// second pass over the files (only for such columns, so a file of numbers
// is read once).
type builder struct {
	column
	index    map[string]int32
	switched int // rows read as numbers before the first text value, or -1
}

// code returns text's index among the column's levels, adding it when new;
// -1 for a missing value.
func (b *builder) code(text []byte, missing bool) int32 {
	if missing {
		return -1
	}
	k, ok := b.index[string(text)]
	if !ok {
		k = int32(len(b.levels))
		b.index[string(text)] = k
		b.levels = append(b.levels, string(text))
	}
	return k
}

// readFiles reads every file into one frame; all must have the same
// columns.
func readFiles(ctx context.Context, files []string, o Options) (*Frame, error) {
	var bs []*builder
	var names []string
	rows := 0
	err := eachRecord(ctx, files, o, func(file string, rec *data.Records) error {
		if bs == nil {
			names = rec.Names()
			bs = make([]*builder, len(names))
			for i, n := range names {
				bs[i] = &builder{column: column{name: n}, index: map[string]int32{}, switched: -1}
			}
		} else if !slices.Equal(names, rec.Names()) {
			return fmt.Errorf("frame: %s has columns %v, but %s has %v: every file must have the same columns", file, rec.Names(), files[0], names)
		}
		return nil
	}, func(rec *data.Records) error {
		if int64(rows+1)*int64(len(bs)) > maxCells {
			return fmt.Errorf("frame: more than %d values; look at fewer files (a glob of some shards)", int64(maxCells))
		}
		for i, b := range bs {
			if b.isText {
				b.codes = append(b.codes, b.code(rec.Text(i), rec.Missing(rec.Text(i))))
				continue
			}
			v, missing, ok := rec.Float(i)
			switch {
			case !ok:
				b.isText, b.switched = true, rows
				b.num = nil
				b.codes = make([]int32, rows, max(rows*2, 16))
				b.codes = append(b.codes, b.code(rec.Text(i), false))
			case missing:
				b.num = append(b.num, math.NaN())
			default:
				b.num = append(b.num, v)
			}
		}
		rows++
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := rereadSwitched(ctx, files, o, bs); err != nil {
		return nil, err
	}
	f := &Frame{rows: rows, opt: o}
	for _, b := range bs {
		c := b.column
		f.cols = append(f.cols, &c)
	}
	return f, nil
}

// rereadSwitched reads, as text, the rows of each column that came before
// its first text value.
func rereadSwitched(ctx context.Context, files []string, o Options, bs []*builder) error {
	var late []*builder
	var idx []int
	for i, b := range bs {
		if b.switched > 0 {
			late, idx = append(late, b), append(idx, i)
		}
	}
	if len(late) == 0 {
		return nil
	}
	row := 0
	return eachRecord(ctx, files, o, nil, func(rec *data.Records) error {
		for j, b := range late {
			if row < b.switched {
				text := rec.Text(idx[j])
				b.codes[row] = b.code(text, rec.Missing(text))
			}
		}
		row++
		return nil
	})
}

// eachRecord calls header for every file's header and record for every
// record, in order.
func eachRecord(ctx context.Context, files []string, o Options, header func(string, *data.Records) error, record func(*data.Records) error) error {
	for _, file := range files {
		if err := eachInFile(ctx, file, o, header, record); err != nil {
			return err
		}
	}
	return nil
}

func eachInFile(ctx context.Context, file string, o Options, header func(string, *data.Records) error, record func(*data.Records) error) error {
	r, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("frame: %w", err)
	}
	defer r.Close()
	rec, err := data.NewRecords(r, file, o.data())
	if err != nil {
		return err
	}
	if header != nil {
		if err := header(file, rec); err != nil {
			return err
		}
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
