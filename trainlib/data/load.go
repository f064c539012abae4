package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// colPlan says where one input column goes.
type colPlan struct {
	role   Role
	cat    bool
	out    int            // first feature index of the column
	levels map[string]int // level → offset from out, for a categorical column
	name   string
}

func makePlan(s *Schema) []colPlan {
	plan := make([]colPlan, len(s.Columns))
	out := 0
	for i, c := range s.Columns {
		p := colPlan{role: c.Role, cat: c.Categorical, out: out, name: c.Name}
		if c.Role == RoleFeature {
			if c.Categorical {
				p.levels = make(map[string]int, len(c.Levels))
				for j, l := range c.Levels {
					p.levels[l] = j
				}
				out += len(c.Levels)
			} else {
				out++
			}
		}
		plan[i] = p
	}
	return plan
}

// loadOne reads one input into a Dataset with the features of schema s.
func loadOne(ctx context.Context, src source, s *Schema, o *Options) (*Dataset, error) {
	rc, err := src.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	rr := newRecordReader(rc, src.name, o)
	names, line, err := readHeader(rr, o)
	if err != nil {
		return nil, err
	}
	if err := s.sameColumns(names, src.name, line); err != nil {
		return nil, err
	}
	return loadRecords(ctx, rr, s, o, src.size)
}

// loadRecords reads the records after the header; size is the input's size
// in bytes (to size the storage), or -1.
func loadRecords(ctx context.Context, rr *recordReader, s *Schema, o *Options, size int64) (*Dataset, error) {
	plan := makePlan(s)
	features := s.Features()
	cols := len(features)
	hasLabel := false
	for _, c := range s.Columns {
		hasLabel = hasLabel || c.Role == RoleLabel
	}
	maxRows := o.maxValues() / int64(max(cols, 1))
	missing := o.missingSet()
	var values, labels []float32
	rows := 0
	for {
		if rows%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err := rr.read(); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		if err := checkWidth(rr, s); err != nil {
			return nil, err
		}
		if int64(rows) >= maxRows {
			return nil, rr.errAt(0, "", "", fmt.Sprintf("at most %d values (rows × features) in one data set", o.maxValues()),
				"split the data into more shards, or raise MaxValues")
		}
		if rows == 0 && size > 0 {
			// Size the storage once from the first row's length.
			est := min(size/int64(len(rr.raw)+1)*11/10+16, maxRows, 1<<24)
			values = make([]float32, 0, est*int64(cols))
			if hasLabel {
				labels = make([]float32, 0, est)
			}
		}
		n := len(values)
		if cap(values)-n < cols {
			// Grow by doubling, never past the cap on values.
			grow := min(max(int64(cap(values)), int64(1024*cols)), maxRows*int64(cols)-int64(cap(values)))
			values = append(values[:cap(values)], make([]float32, max(grow, int64(cols)))...)[:n]
		}
		row := values[n : n+cols]
		clear(row)
		values = values[:n+cols]
		label, err := fillRow(rr, plan, row, missing, o)
		if err != nil {
			return nil, err
		}
		if hasLabel {
			labels = append(labels, label)
		}
		rows++
	}
	if rows == 0 {
		what := "data rows after the header, but the file has only a header"
		if o.Names != nil {
			what = "data rows, but the file is empty"
		}
		return nil, &Error{File: rr.file, Line: rr.nextLine - 1, Expected: what, Hint: "check the path or the shard"}
	}
	return &Dataset{Matrix: Matrix{Rows: rows, Cols: cols, Values: values[: rows*cols : rows*cols]}, Names: features, Label: labels}, nil
}

// fillRow parses the current record into row (zeroed) and returns its label.
func fillRow(rr *recordReader, plan []colPlan, row []float32, missing map[string]bool, o *Options) (float32, error) {
	var label float32
	for i, f := range rr.fields {
		p := &plan[i]
		switch {
		case p.role == RoleDrop:
		case p.cat:
			text := trimSpace(f.text)
			if missing[string(text)] {
				continue
			}
			j, ok := p.levels[string(text)]
			if !ok {
				return 0, rr.errAt(f.off, p.name, string(text), "one of the column's known levels: "+listNames(levelNames(p.levels)),
					"compute the schema over all files (ScanSchema, or load them together) so every level is known")
			}
			row[p.out+j] = 1
		default:
			v, kind := parseNumber(f.text, missing)
			switch kind {
			case numOK:
			case numMissing:
				if p.role == RoleLabel {
					return 0, rr.errAt(f.off, p.name, string(f.text), "a label (labels cannot be missing)", "remove the row or fill in its label")
				}
				v = float32(math.NaN())
			case numInf:
				return 0, rr.errAt(f.off, p.name, string(f.text), "a finite number", "leave the field empty for a missing value")
			default:
				if p.role == RoleLabel {
					return 0, rr.errAt(f.off, p.name, string(f.text), "a numeric label",
						"recode the label as numbers (for binary:logistic 1 and 0)")
				}
				return 0, rr.errAt(f.off, p.name, string(f.text),
					"a number or a missing marker ("+strings.Join(quoteAll(DefaultMissing), ", ")+")",
					fmt.Sprintf("column %q holds text: set OneHot to one-hot encode it (gotrain: --one-hot), or Drop it (--drop %s)", p.name, p.name))
			}
			if p.role == RoleLabel {
				if o.BinaryLabel && v != 0 && v != 1 {
					return 0, rr.errAt(f.off, p.name, string(f.text), "a label of 0 or 1 (binary:logistic)",
						"recode the label, for example 1 = good, 0 = bad")
				}
				label = v
				continue
			}
			row[p.out] = v
		}
	}
	return label, nil
}

func levelNames(m map[string]int) []string {
	names := make([]string, len(m))
	for l, j := range m {
		names[j] = l
	}
	return names
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}
