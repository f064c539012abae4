package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// maxSplitBytes caps the input of SplitCSV, which holds its records in
// memory to shuffle them.
const maxSplitBytes = 4 << 30

// SplitCSV copies the records of the CSV file in into the files outs, one
// per fraction, rows shuffled with seed exactly as SplitIndices does (record
// i of the input goes where row i of Split's parts goes). Each output starts
// with the input's header (unless o.Names says there is none); records are
// copied as written, quotes included, with LF line ends and no BOM. An
// existing output is an error unless force is set. Of o, only Comma, Names
// and the caps matter: values are not parsed, but every record must be as
// wide as the header.
func SplitCSV(ctx context.Context, in string, outs []string, fractions []float64, seed uint64, force bool, o Options) error {
	if err := o.check(); err != nil {
		return err
	}
	if len(outs) != len(fractions) {
		return fmt.Errorf("data: split %s: %d output files for %d fractions: give one file per fraction", in, len(outs), len(fractions))
	}
	if !force {
		for _, p := range outs {
			if _, err := os.Lstat(p); err == nil {
				return fmt.Errorf("data: split: %s already exists: pass --force to overwrite it", p)
			}
		}
	}
	header, records, err := readRaw(ctx, in, &o)
	if err != nil {
		return err
	}
	parts, err := SplitIndices(len(records), fractions, seed)
	if err != nil {
		return err
	}
	for k, idx := range parts {
		if err := writeRecords(outs[k], header, records, idx); err != nil {
			return err
		}
	}
	return nil
}

// readRaw returns the raw text of the header (nil when o.Names is set) and
// of every record of the file, checking each record's width.
func readRaw(ctx context.Context, path string, o *Options) ([]byte, [][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("data: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxSplitBytes {
		return nil, nil, &Error{File: path, Expected: fmt.Sprintf("a file of at most %d bytes to split", int64(maxSplitBytes)),
			Hint: "split it into shards first (split -l)"}
	}
	rr := newRecordReader(f, path, o)
	var header []byte
	width := len(o.Names)
	if o.Names == nil {
		if err := rr.read(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil, &Error{File: path, Line: 1, Expected: "a header row naming the columns, but the file is empty"}
			}
			return nil, nil, err
		}
		header = append([]byte(nil), rr.raw...)
		width = len(rr.fields)
	}
	var records [][]byte
	for {
		if len(records)%4096 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err := rr.read(); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, nil, err
		}
		if len(rr.fields) != width {
			return nil, nil, rr.errAt(len(rr.raw), "", "", fmt.Sprintf("%d fields like the header, found %d", width, len(rr.fields)),
				"make every row as wide as the header")
		}
		records = append(records, append([]byte(nil), rr.raw...))
	}
	if len(records) == 0 {
		return nil, nil, &Error{File: path, Expected: "data rows to split", Hint: "check the path"}
	}
	return header, records, nil
}

func writeRecords(path string, header []byte, records [][]byte, idx []int) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if header != nil {
		w.Write(header)
		w.WriteByte('\n')
	}
	for _, i := range idx {
		w.Write(records[i])
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("data: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("data: write %s: %w", path, err)
	}
	return nil
}
