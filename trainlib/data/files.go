package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
)

// maxBufferedReader caps what ReadCSV keeps in memory when one-hot encoding
// needs two passes over a stream.
const maxBufferedReader = 1 << 30

// ReadCSV reads CSV from r; name identifies the input in errors. When
// one-hot encoding needs the levels first and no Schema is given, r is read
// into memory (at most 1 GiB) and scanned twice.
func ReadCSV(ctx context.Context, r io.Reader, name string, o Options) (*Dataset, error) {
	d, _, err := ReadCSVWithSchema(ctx, r, name, o)
	return d, err
}

// ReadCSVWithSchema is ReadCSV that also returns the Schema it used, which
// tells which features came from which column (one-hot groups included).
func ReadCSVWithSchema(ctx context.Context, r io.Reader, name string, o Options) (*Dataset, *Schema, error) {
	if err := o.check(); err != nil {
		return nil, nil, err
	}
	if o.Schema == nil && o.encodesText() {
		b, err := io.ReadAll(io.LimitReader(r, maxBufferedReader+1))
		if err != nil {
			return nil, nil, fmt.Errorf("data: read %s: %w", name, err)
		}
		if len(b) > maxBufferedReader {
			return nil, nil, &Error{File: name, Expected: "at most 1 GiB of one-hot encoded input from a stream",
				Hint: "write it to a file and use LoadFile, or pass a Schema"}
		}
		ds, s, err := loadSources(ctx, []source{bytesSource(name, b)}, &o)
		if err != nil {
			return nil, nil, err
		}
		return ds[0], s, nil
	}
	rr := newRecordReader(r, name, &o)
	names, line, err := readHeader(rr, &o)
	if err != nil {
		return nil, nil, err
	}
	s := o.Schema
	if s == nil {
		if s, err = newSchema(names, &o, name, line); err != nil {
			return nil, nil, err
		}
	} else if err := s.sameColumns(names, name, line); err != nil {
		return nil, nil, err
	}
	d, err := loadRecords(ctx, rr, s, &o, -1)
	if err != nil {
		return nil, nil, err
	}
	return d, s, nil
}

// LoadFile reads one CSV file.
func LoadFile(ctx context.Context, path string, o Options) (*Dataset, error) {
	ds, _, err := loadSources(ctx, []source{fileSource(path)}, &o)
	if err != nil {
		return nil, err
	}
	return ds[0], nil
}

// LoadFiles reads several CSV files with the same columns, in parallel, into
// one Dataset per file. All of them get the same features: categorical
// levels are gathered over every file first (unless o.Schema fixes them).
// It returns the Schema used, to load more files the same way.
func LoadFiles(ctx context.Context, paths []string, o Options) ([]*Dataset, *Schema, error) {
	srcs := make([]source, len(paths))
	for i, p := range paths {
		srcs[i] = fileSource(p)
	}
	return loadSources(ctx, srcs, &o)
}

// LoadGlob reads the shards matching pattern (in natural order, see Glob),
// one Dataset per shard, as LoadFiles does.
func LoadGlob(ctx context.Context, pattern string, o Options) ([]*Dataset, *Schema, error) {
	files, err := Glob(pattern)
	if err != nil {
		return nil, nil, err
	}
	return LoadFiles(ctx, files, o)
}

// Load reads what spec names — a file, a glob of shards, or a comma-separated
// list of either (see Files) — into a single Dataset, shards concatenated in
// order. It is what command-line flags such as --train take.
func Load(ctx context.Context, spec string, o Options) (*Dataset, error) {
	files, err := Files(spec)
	if err != nil {
		return nil, err
	}
	ds, _, err := LoadFiles(ctx, files, o)
	if err != nil {
		return nil, err
	}
	return Concat(ds...)
}

// Files lists the files spec names: a path, a glob of shards (in natural
// order, see Glob), or a comma-separated list of either.
func Files(spec string) ([]string, error) {
	var files []string
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.ContainsAny(part, "*?[") {
			files = append(files, part)
			continue
		}
		m, err := Glob(part)
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("data: %q names no file: give a path, a glob such as data/train_data_*.csv, or a comma-separated list", spec)
	}
	return files, nil
}

func loadSources(ctx context.Context, srcs []source, o *Options) ([]*Dataset, *Schema, error) {
	s, err := scanSchema(ctx, srcs, o)
	if err != nil {
		return nil, nil, err
	}
	var ds []*Dataset
	if strings.TrimSpace(o.Positive) == "" || o.Schema != nil {
		ds, err = loadWith(ctx, srcs, s, o)
	} else {
		err = errTextLabel // a label named by its positive value, 1/2 say
	}
	if errors.Is(err, errTextLabel) && o.Schema == nil && s.label() >= 0 {
		// A Y/N label: find its two values over every input, read again.
		li := s.label()
		var levels []string
		if levels, err = scanLabel(ctx, srcs, s, o); err != nil {
			return nil, nil, err
		}
		s.Columns[li].Levels = levels
		ds, err = loadWith(ctx, srcs, s, o)
	}
	if err != nil {
		return nil, nil, err
	}
	return ds, s, nil
}

// loadWith loads every input with schema s, several at once.
func loadWith(ctx context.Context, srcs []source, s *Schema, o *Options) ([]*Dataset, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	par := o.Parallel
	if par <= 0 {
		par = runtime.GOMAXPROCS(0)
	}
	out := make([]*Dataset, len(srcs))
	errs := make([]error, len(srcs))
	sem := make(chan struct{}, par)
	var wg sync.WaitGroup
	for i, src := range srcs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = loadOne(ctx, src, s, o)
			if errs[i] != nil {
				cancel()
			}
		}()
	}
	wg.Wait()
	// Report the first file's error, not a cancellation it caused elsewhere.
	for _, err := range errs {
		if err != nil && err != context.Canceled {
			return nil, err
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
