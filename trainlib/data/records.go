package data

import (
	"context"
	"errors"
	"io"
	"strconv"
)

// Records streams the records of CSV input exactly as every loader in this
// package reads them (a UTF-8 BOM stripped, LF or CRLF, RFC 4180 quotes,
// the caps of Options), for code that keeps columns its own way, such as a
// table for exploring data. Header names come trimmed of surrounding
// spaces, as everywhere else.
type Records struct {
	rr      *recordReader
	o       Options
	names   []string
	missing map[string]bool
}

// NewRecords reads the header of r (or takes o.Names) and returns a stream
// of the records after it; name identifies the input in errors.
func NewRecords(r io.Reader, name string, o Options) (*Records, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	rr := newRecordReader(r, name, &o)
	names, line, err := readHeader(rr, &o)
	if err != nil {
		return nil, err
	}
	if _, err := newSchema(names, &Options{Names: o.Names}, name, line); err != nil {
		return nil, err // an empty or repeated name
	}
	return &Records{rr: rr, o: o, names: names, missing: o.missingSet()}, nil
}

// Names returns the column names, in order.
func (r *Records) Names() []string { return r.names }

// Next reads the next record; it returns io.EOF after the last one, and an
// *Error naming the line when a record has another number of fields than
// the header.
func (r *Records) Next() error {
	if err := r.rr.read(); err != nil {
		return err
	}
	if got, want := len(r.rr.fields), len(r.names); got != want {
		return checkWidth(r.rr, &Schema{Columns: make([]Column, want)})
	}
	return nil
}

// Text returns field i of the current record, trimmed of surrounding spaces
// and tabs; it is valid until the next call to Next.
func (r *Records) Text(i int) []byte { return trimSpace(r.rr.fields[i].text) }

// Float parses field i of the current record as a number. It reports
// missing for a missing-value marker (DefaultMissing, Options.MissingValues,
// any NaN) and ok false for text that is not a number.
func (r *Records) Float(i int) (v float64, missing, ok bool) {
	b := r.Text(i)
	if f, fast := fastFloat(b); fast {
		return f, false, true
	}
	if r.missing[string(b)] {
		return 0, true, true
	}
	f, err := strconv.ParseFloat(string(b), 64)
	var ne *strconv.NumError
	if err != nil && !(errors.As(err, &ne) && ne.Err == strconv.ErrRange) {
		return 0, false, false
	}
	if f != f {
		return 0, true, true
	}
	return f, false, true
}

// Missing reports whether text is a missing-value marker for these Options.
func (r *Records) Missing(text []byte) bool { return r.missing[string(text)] }

// Err returns an *Error for field i of the current record: its line,
// column, column name and text, with what was expected and the remedy.
func (r *Records) Err(i int, expected, hint string) error {
	f := r.rr.fields[i]
	return r.rr.errAt(f.off, r.names[i], string(trimSpace(f.text)), expected, hint)
}

// Blocks reads the remaining records in blocks of whole records, several
// at once (GOMAXPROCS goroutines), for loaders that keep columns their own
// way and want every core. parse is called on each block, concurrently,
// with a Records of its own that reads that block's records only (its
// errors name the lines of the whole input) and returns what it made of
// them; merge gets those in input order, with the size of the block's text
// in bytes (to size storage). Blocks returns the first error in input
// order, as reading the records one by one would, and stops early when ctx
// is cancelled. Next must not be called on r afterwards.
func (r *Records) Blocks(ctx context.Context, parse func(ctx context.Context, block *Records) (any, error),
	merge func(part any, blockBytes int) error) error {
	return inBlocks(ctx, r.rr, r.o.BlockBytes, func(ctx context.Context, br *recordReader, bl *block) (any, error) {
		return parse(ctx, &Records{rr: br, o: r.o, names: r.names, missing: r.missing})
	}, func(bl *block) error {
		return merge(bl.out, len(bl.text))
	})
}
