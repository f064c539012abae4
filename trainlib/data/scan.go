package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// ScanSchema reads the headers of files (which must all have the same
// columns) and, when Options ask for one-hot encoding, every value, to find
// each categorical column's levels over all of them, and the values of a
// label of two words (Y/N), choosing the positive one over all of them as
// the loaders do. Loading each file with the returned Schema
// (Options.Schema) gives every file the same features and label reading.
func ScanSchema(ctx context.Context, files []string, o Options) (*Schema, error) {
	srcs := make([]source, len(files))
	for i, f := range files {
		srcs[i] = fileSource(f)
	}
	s, err := scanSchema(ctx, srcs, &o)
	if err != nil || o.Schema != nil {
		return s, err
	}
	if err := scanLabelLevels(ctx, srcs, s, &o); err != nil {
		return nil, err
	}
	return s, nil
}

// scanLabelLevels records in s how a label of two words (or of two numbers
// Positive names one of) reads, chosen over every input as the loaders
// choose it, so that inputs loaded apart with s (a worker's files) read
// it alike. A label of numbers, 0/1 or classes, is left to the loaders.
func scanLabelLevels(ctx context.Context, srcs []source, s *Schema, o *Options) error {
	li := s.label()
	if li < 0 || len(s.Columns[li].Levels) > 0 {
		return nil
	}
	counts := map[string]int{}
	var first error
	for _, src := range srcs {
		if err := countLabels(ctx, src, s, o, li, counts, &first); err != nil {
			return err
		}
		if len(counts) > 2 {
			break
		}
	}
	text := false
	for v := range counts {
		if _, kind := parseNumber([]byte(v), nil); kind != numOK {
			text = true
		}
	}
	if !text && strings.TrimSpace(o.Positive) == "" {
		return nil
	}
	if len(counts) > 2 && first != nil {
		return first
	}
	levels, err := binaryLevels(s.Columns[li].Name, counts, o.Positive, o.Negative)
	if err != nil {
		return err
	}
	s.Columns[li].Levels = levels
	return nil
}

// levelSet collects the distinct values of one column during a scan.
type levelSet struct {
	values   map[string]struct{}
	text     bool   // a value that is not a number was seen
	overflow *Error // where a value beyond MaxLevels distinct ones is
	first    *Error // where the first text value is
}

func scanSchema(ctx context.Context, srcs []source, o *Options) (*Schema, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return nil, errors.New("data: no input files")
	}
	if o.Schema != nil {
		return o.Schema, nil
	}
	var s *Schema
	var sets []*levelSet
	for _, src := range srcs {
		var err error
		s, sets, err = scanOne(ctx, src, s, sets, o)
		if err != nil {
			return nil, err
		}
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		set := sets[i]
		if set == nil || !(c.Categorical || set.text) {
			continue
		}
		if e := set.overflow; e != nil {
			e.Expected = fmt.Sprintf("at most %d distinct values in a categorical column, this is one more", o.maxLevels())
			e.Hint = fmt.Sprintf("this looks like free text or an identifier: Drop it (gotrain: --drop %s), or raise MaxLevels", e.Name)
			return nil, e
		}
		c.Categorical = true
		c.Levels = make([]string, 0, len(set.values))
		for v := range set.values {
			c.Levels = append(c.Levels, v)
		}
		sort.Strings(c.Levels)
	}
	if err := s.checkOutputNames(srcs[0].name); err != nil {
		return nil, err
	}
	return s, nil
}

// scanOne reads one input's header (checking it against s when s is set)
// and, when one-hot encoding is on, adds its values to sets.
func scanOne(ctx context.Context, src source, s *Schema, sets []*levelSet, o *Options) (*Schema, []*levelSet, error) {
	rc, err := src.open()
	if err != nil {
		return nil, nil, err
	}
	defer rc.Close()
	rr := newRecordReader(rc, src.name, o)
	names, line, err := readHeader(rr, o)
	if err != nil {
		return nil, nil, err
	}
	if s == nil {
		if s, err = newSchema(names, o, src.name, line); err != nil {
			return nil, nil, err
		}
		sets = make([]*levelSet, len(names))
		for i, c := range s.Columns {
			if c.Role == RoleFeature && (o.OneHot || o.NativeCategorical || c.Categorical) {
				sets[i] = &levelSet{values: map[string]struct{}{}}
			}
		}
	} else if err := s.sameColumns(names, src.name, line); err != nil {
		return nil, nil, err
	}
	if !o.encodesText() {
		return s, sets, nil
	}
	missing := o.missingSet()
	maxLevels := o.maxLevels()
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err := rr.read(); err != nil {
			if errors.Is(err, io.EOF) {
				return s, sets, nil
			}
			return nil, nil, err
		}
		if err := checkWidth(rr, s); err != nil {
			return nil, nil, err
		}
		for i, set := range sets {
			if set == nil {
				continue
			}
			f := rr.fields[i]
			text := trimSpace(f.text)
			_, kind := parseNumber(text, missing)
			switch {
			case kind == numMissing:
				continue
			case kind != numOK && !set.text:
				set.text = true
				set.first = rr.errAt(f.off, s.Columns[i].Name, string(text), "", "")
			}
			if set.overflow != nil {
				continue
			}
			if _, ok := set.values[string(text)]; !ok {
				if len(set.values) >= maxLevels {
					set.overflow = rr.errAt(f.off, s.Columns[i].Name, string(text), "", "")
					continue
				}
				set.values[string(text)] = struct{}{}
			}
		}
	}
}

// checkWidth reports a record whose number of fields differs from the
// schema's number of columns.
func checkWidth(rr *recordReader, s *Schema) error {
	want, got := len(s.Columns), len(rr.fields)
	if got == want {
		return nil
	}
	if got > want {
		f := rr.fields[want]
		return rr.errAt(f.off, "", string(f.text),
			fmt.Sprintf("%d fields like the header, found %d", want, got), "remove the extra fields or quote a field that contains the delimiter")
	}
	return rr.errAt(len(rr.raw), s.Columns[got].Name, "",
		fmt.Sprintf("%d fields like the header, found %d (the line ends before column %q)", want, got, s.Columns[got].Name),
		"add the missing fields; leave a field empty for a missing value")
}
