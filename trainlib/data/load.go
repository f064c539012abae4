package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
)

// colPlan says where one input column goes.
type colPlan struct {
	role   Role
	cat    bool
	native bool           // a categorical column kept as one feature of level codes
	out    int            // first feature index of the column
	levels map[string]int // level → offset from out, for a categorical column
	name   string
}

func makePlan(s *Schema) []colPlan {
	plan := make([]colPlan, len(s.Columns))
	out := 0
	for i, c := range s.Columns {
		p := colPlan{role: c.Role, cat: c.Categorical, native: s.Native, out: out, name: c.Name}
		if c.Role == RoleLabel && len(c.Levels) == 2 {
			p.levels = map[string]int{c.Levels[0]: 0, c.Levels[1]: 1}
		}
		if c.Role == RoleFeature {
			if c.Categorical {
				p.levels = make(map[string]int, len(c.Levels))
				for j, l := range c.Levels {
					p.levels[l] = j
				}
				if s.Native {
					out++
				} else {
					out += len(c.Levels)
				}
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
// in bytes (to size the storage), or -1. Large inputs are parsed in blocks
// on several goroutines (parallel.go); the result is the same.
func loadRecords(ctx context.Context, rr *recordReader, s *Schema, o *Options, size int64) (*Dataset, error) {
	p := newParser(s, o)
	b := p.builder()
	var err error
	if o.BlockBytes > 0 || (size >= parallelMinBytes && runtime.GOMAXPROCS(0) > 1) {
		err = p.parallel(ctx, rr, b, size)
	} else {
		err = p.records(ctx, rr, b, size)
	}
	if err != nil {
		return nil, err
	}
	if b.rows == 0 {
		what := "data rows after the header, but the file has only a header"
		if o.Names != nil {
			what = "data rows, but the file is empty"
		}
		return nil, &Error{File: rr.file, Line: rr.nextLine - 1, Expected: what, Hint: "check the path or the shard"}
	}
	n := b.rows * p.cols
	return &Dataset{Matrix: Matrix{Rows: b.rows, Cols: p.cols, Values: b.values[:n:n]}, Names: p.features, Label: b.labels, Weight: b.weights,
		Categories: s.FeatureCategories()}, nil
}

// parser turns records into rows for one schema.
type parser struct {
	s        *Schema
	o        *Options
	plan     []colPlan
	features []string
	cols     int
	hasLabel bool
	// hasWeight says a column holds sample weights.
	hasWeight bool
	maxRows   int64
	missing   map[string]bool
}

func newParser(s *Schema, o *Options) *parser {
	p := &parser{s: s, o: o, plan: makePlan(s), features: s.Features(), missing: o.missingSet()}
	p.cols = len(p.features)
	for _, c := range s.Columns {
		p.hasLabel = p.hasLabel || c.Role == RoleLabel
		p.hasWeight = p.hasWeight || c.Role == RoleWeight
	}
	p.maxRows = o.maxValues() / int64(max(p.cols, 1))
	return p
}

// rowBuilder collects rows, growing its storage by doubling but never past
// the cap on values.
type rowBuilder struct {
	p              *parser
	values, labels []float32
	weights        []float32
	rows           int
}

func (p *parser) builder() *rowBuilder { return &rowBuilder{p: p} }

// reserve sizes the storage for about rows rows.
func (b *rowBuilder) reserve(rows int64) {
	rows = min(rows, b.p.maxRows, 1<<24)
	b.values = make([]float32, 0, rows*int64(b.p.cols))
	if b.p.hasLabel {
		b.labels = make([]float32, 0, rows)
	}
}

// grow makes room for k more rows.
func (b *rowBuilder) grow(k int) {
	n, need := len(b.values), k*b.p.cols
	if cap(b.values)-n >= need {
		return
	}
	limit := b.p.maxRows * int64(b.p.cols)
	add := min(max(int64(cap(b.values)), int64(1024*b.p.cols), int64(need)), limit-int64(cap(b.values)))
	b.values = append(b.values[:cap(b.values)], make([]float32, max(add, int64(need)))...)[:n]
}

// records parses the records of rr into b, one at a time.
func (p *parser) records(ctx context.Context, rr *recordReader, b *rowBuilder, size int64) error {
	for {
		if b.rows%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := rr.read(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := checkWidth(rr, p.s); err != nil {
			return err
		}
		if int64(b.rows) >= p.maxRows {
			return rr.errAt(0, "", "", fmt.Sprintf("at most %d values (rows × features) in one data set", p.o.maxValues()),
				"split the data into more shards, or raise MaxValues")
		}
		if b.rows == 0 && size > 0 && b.values == nil {
			// Size the storage once from the first row's length.
			b.reserve(size/int64(len(rr.raw)+1)*11/10 + 16)
		}
		b.grow(1)
		n := len(b.values)
		row := b.values[n : n+p.cols]
		clear(row)
		b.values = b.values[:n+p.cols]
		label, weight, err := fillRow(rr, p.plan, row, p.missing, p.o)
		if err != nil {
			return err
		}
		if p.hasLabel {
			b.labels = append(b.labels, label)
		}
		if p.hasWeight {
			b.weights = append(b.weights, weight)
		}
		b.rows++
	}
}

// fillRow parses the current record into row (zeroed) and returns its label
// and its weight.
func fillRow(rr *recordReader, plan []colPlan, row []float32, missing map[string]bool, o *Options) (label, weight float32, err error) {
	for i, f := range rr.fields {
		p := &plan[i]
		switch {
		case p.role == RoleDrop:
		case p.role == RoleWeight:
			v, kind := parseNumber(f.text, missing)
			if kind != numOK || !(v >= 0) {
				return 0, 0, rr.errAt(f.off, p.name, string(f.text), "a sample weight: a finite number ≥ 0",
					"fix the weight, or give the row weight 0 to leave it out")
			}
			weight = v
		case p.role == RoleLabel && p.levels != nil:
			text := trimSpace(f.text)
			j, ok := p.levels[string(text)]
			if !ok {
				return 0, 0, rr.errAt(f.off, p.name, string(text), "one of the label's two values: "+listNames(levelNames(p.levels)),
					"a binary label has two values; recode or remove this row")
			}
			label = float32(j)
		case p.cat:
			text := trimSpace(f.text)
			if missing[string(text)] {
				if p.native {
					row[p.out] = float32(math.NaN())
				}
				continue
			}
			j, ok := p.levels[string(text)]
			if !ok {
				return 0, 0, rr.errAt(f.off, p.name, string(text), "one of the column's known levels: "+listNames(levelNames(p.levels)),
					"compute the schema over all files (ScanSchema, or load them together) so every level is known")
			}
			if p.native {
				row[p.out] = float32(j)
			} else {
				row[p.out+j] = 1
			}
		default:
			v, kind := parseNumber(f.text, missing)
			switch kind {
			case numOK:
			case numMissing:
				if p.role == RoleLabel {
					return 0, 0, rr.errAt(f.off, p.name, string(f.text), "a label (labels cannot be missing)", "remove the row or fill in its label")
				}
				v = float32(math.NaN())
			case numInf:
				return 0, 0, rr.errAt(f.off, p.name, string(f.text), "a finite number", "leave the field empty for a missing value")
			default:
				if p.role == RoleLabel {
					return 0, 0, textLabelError{rr.errAt(f.off, p.name, string(f.text), "a numeric label",
						"a text label needs two values (Y/N) read from a file or a Schema; or recode it as 1 and 0")}
				}
				return 0, 0, rr.errAt(f.off, p.name, string(f.text),
					"a number or a missing marker ("+strings.Join(quoteAll(DefaultMissing), ", ")+")",
					fmt.Sprintf("column %q holds text: set OneHot to one-hot encode it (gotrain: --one-hot), or Drop it (--drop %s)", p.name, p.name))
			}
			if p.role == RoleLabel {
				if o.BinaryLabel && v != 0 && v != 1 {
					return 0, 0, rr.errAt(f.off, p.name, string(f.text), "a label of 0 or 1 (binary:logistic)",
						"recode the label, for example 1 = good, 0 = bad")
				}
				if o.Labels != nil && !o.Labels.Allows(v) {
					return 0, 0, rr.errAt(f.off, p.name, string(f.text), o.Labels.Need,
						"fix or drop the row, or choose an objective for these labels")
				}
				label = v
				continue
			}
			row[p.out] = v
		}
	}
	return label, weight, nil
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
