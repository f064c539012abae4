package frame

import (
	"context"
	"fmt"
	"strings"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/data"
)

// Options say how to read CSV input. The zero value reads comma-separated
// files with a header row and no label.
type Options struct {
	// Comma is the field delimiter, ',' when zero (German credit uses ' ').
	Comma rune
	// Names names the columns of files without a header row.
	Names []string
	// Label names the label column, as written in the header (surrounding
	// spaces do not matter); empty means none.
	Label string
	// Positive is the label value read as 1 when the label holds two words
	// (Y/N); empty means the less frequent one (see data.Options.Positive).
	Positive string
	// MissingValues adds spellings read as missing to data.DefaultMissing.
	MissingValues []string

	// blockBytes, when positive, reads files in blocks of about this many
	// bytes (tests use tiny blocks; zero means data's default).
	blockBytes int
}

func (o Options) data() data.Options {
	return data.Options{Comma: o.Comma, Names: o.Names, Label: o.Label, Positive: o.Positive, MissingValues: o.MissingValues,
		BlockBytes: o.blockBytes}
}

// Frame is a table of named columns, each holding numbers (NaN for a
// missing value) or text, read from CSV. Methods that select rows or
// columns return a new Frame sharing nothing with the old one.
type Frame struct {
	cols  []*column
	rows  int
	label int // index of the label column, or -1
	// neg and pos are a text label's values read as 0 and 1.
	neg, pos string
	opt      Options
	source   string
}

// column is one column: numbers, or text coded as indices into levels.
type column struct {
	name   string
	isText bool
	num    []float64 // numeric: one value per row, NaN when missing
	codes  []int32   // text: index into levels per row, -1 when missing
	levels []string
}

// Read reads what spec names — a CSV file, a glob of shards
// ("data/train_data_*.csv", natural order) or a comma-separated list —
// into one Frame. A column is numeric when every value is a number or a
// missing marker, text otherwise.
func Read(spec string, o Options) (*Frame, error) {
	return ReadContext(context.Background(), spec, o)
}

// ReadContext is Read that stops when ctx is cancelled.
func ReadContext(ctx context.Context, spec string, o Options) (*Frame, error) {
	ctx = cellctx.Or(ctx)
	files, err := data.Files(spec)
	if err != nil {
		return nil, err
	}
	f, err := readFiles(ctx, files, o)
	if err != nil {
		return nil, err
	}
	f.source = spec
	return f, f.findLabel()
}

// Rows returns the number of rows.
func (f *Frame) Rows() int { return f.rows }

// Cols returns the number of columns.
func (f *Frame) Cols() int { return len(f.cols) }

// Names returns the column names, in order.
func (f *Frame) Names() []string {
	names := make([]string, len(f.cols))
	for i, c := range f.cols {
		names[i] = c.name
	}
	return names
}

// Types returns each column's type, "number" or "text", in order.
func (f *Frame) Types() []string {
	types := make([]string, len(f.cols))
	for i, c := range f.cols {
		types[i] = c.typeName()
	}
	return types
}

func (c *column) typeName() string {
	if c.isText {
		return "text"
	}
	return "number"
}

// Label returns the label column's name, or "" when the frame has none.
func (f *Frame) Label() string {
	if f.label < 0 {
		return ""
	}
	return f.cols[f.label].name
}

// Positive returns the label value read as 1 and the one read as 0 when
// the label holds text; ok is false for a numeric label or none.
func (f *Frame) Positive() (positive, negative string, ok bool) {
	return f.pos, f.neg, f.pos != "" || f.neg != ""
}

// LabelNote says how the label is read, e.g. `label "default": Y = 1
// (positive, the less frequent), N = 0`; "" when there is no label.
func (f *Frame) LabelNote() string {
	if f.label < 0 {
		return ""
	}
	name := f.cols[f.label].name
	if f.pos == "" && f.neg == "" {
		return fmt.Sprintf("label %q (numbers)", name)
	}
	return data.LabelNote(name, f.pos, f.neg, strings.TrimSpace(f.opt.Positive) != "")
}

// col returns the column called name (surrounding spaces ignored) or an
// error listing the columns.
func (f *Frame) col(name string) (int, error) {
	want := strings.TrimSpace(name)
	for i, c := range f.cols {
		if c.name == want {
			return i, nil
		}
	}
	return -1, fmt.Errorf("frame: no column %q; the columns are %s", name, strings.Join(f.Names(), ", "))
}

// findLabel checks the label column and, when it holds text, picks its
// positive value.
func (f *Frame) findLabel() error {
	f.label = -1
	if strings.TrimSpace(f.opt.Label) == "" {
		return nil
	}
	i, err := f.col(f.opt.Label)
	if err != nil {
		return fmt.Errorf("frame: label: %w", err)
	}
	f.label = i
	c := f.cols[i]
	if !c.isText && strings.TrimSpace(f.opt.Positive) == "" {
		return nil // numbers, read as they are
	}
	counts := map[string]int{}
	for _, v := range c.valueCounts() {
		counts[v.Value] = v.N
	}
	levels, err := data.BinaryLevels(c.name, counts, f.opt.Positive)
	if err != nil {
		return err
	}
	f.neg, f.pos = levels[0], levels[1]
	return nil
}
