package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A label column may hold two words instead of 1 and 0 (Y/N, yes/no,
// true/false, good/bad). The loaders then read it twice: the first pass
// meets the text and stops (errTextLabel), a scan finds the two values over
// every input, and the label column of the Schema records them as Levels
// [negative, positive]; the second pass reads positive as 1 and negative as
// 0. Workers that load shards with that Schema map them the same way.

// errTextLabel marks the first text value met in a label column whose
// Schema has no levels yet.
var errTextLabel = errors.New("data: the label column holds text")

// textLabelError wraps the positioned error with errTextLabel.
type textLabelError struct{ e *Error }

func (t textLabelError) Error() string   { return t.e.Error() }
func (t textLabelError) Unwrap() []error { return []error{t.e, errTextLabel} }

// scanLabel reads the label column of every input and returns its two
// values as [negative, positive]: positive is o.Positive when set, else the
// less frequent value (on a tie the one that sorts last: Y over N, yes over
// no, true over false).
func scanLabel(ctx context.Context, srcs []source, s *Schema, o *Options) ([]string, error) {
	li := s.label()
	counts := map[string]int{}
	var first error
	for _, src := range srcs {
		if err := countLabels(ctx, src, s, o, li, counts, &first); err != nil {
			return nil, err
		}
		if len(counts) > 2 {
			break
		}
	}
	if len(counts) > 2 && first != nil {
		return nil, first
	}
	return binaryLevels(s.Columns[li].Name, counts, o.Positive, o.Negative)
}

// OneLabelValueError is the error of a two-valued label whose data holds
// one of its values only, Count times, when Positive and Negative do not
// name both: which of the two it is cannot be told. A loader of part of
// the data (a worker's files) learns the value from it, so that the
// choice can be made over every part.
type OneLabelValueError struct {
	Column, Value string
	Count         int
}

func (e *OneLabelValueError) Error() string {
	return fmt.Sprintf("data: label column %q holds 1 distinct values (%s); a binary label needs two (for example Y and N)",
		e.Column, listNames([]string{e.Value}))
}

// BinaryLevels picks, from how often each value of a two-valued text label
// occurs, the one read as 0 and the one read as 1, in that order: positive
// when it is set (surrounding spaces ignored), else the less frequent value
// (on a tie the one that sorts last: Y, yes, true). column names the label
// in errors.
func BinaryLevels(column string, counts map[string]int, positive string) ([]string, error) {
	return binaryLevels(column, counts, positive, "")
}

// binaryLevels is BinaryLevels with Options.Negative: set, it and positive
// are the levels, whichever of them the data holds.
func binaryLevels(column string, counts map[string]int, positive, negative string) ([]string, error) {
	values := sortedKeys(counts)
	if neg := strings.TrimSpace(negative); neg != "" {
		pos := strings.TrimSpace(positive)
		if pos == "" || pos == neg {
			return nil, fmt.Errorf("data: Negative %q needs Positive, the other value of label column %q", negative, column)
		}
		for _, v := range values {
			if v != pos && v != neg {
				return nil, fmt.Errorf("data: label column %q holds %s, not only Positive %q and Negative %q", column, listNames(values), pos, neg)
			}
		}
		return []string{neg, pos}, nil
	}
	if len(values) == 1 {
		return nil, &OneLabelValueError{Column: column, Value: values[0], Count: counts[values[0]]}
	}
	if len(values) != 2 {
		return nil, fmt.Errorf("data: label column %q holds %d distinct values (%s); a binary label needs two (for example Y and N)",
			column, len(values), listNames(values))
	}
	pos := strings.TrimSpace(positive)
	switch {
	case pos == "":
		pos = values[1]
		if counts[values[0]] < counts[values[1]] {
			pos = values[0]
		}
	case counts[pos] == 0:
		return nil, fmt.Errorf("data: Positive %q is not a value of label column %q, which holds %s", positive, column, strings.Join(values, " and "))
	}
	neg := values[0]
	if neg == pos {
		neg = values[1]
	}
	return []string{neg, pos}, nil
}

// LabelNote says how a two-valued label is read, in the words every
// gotrain command and frame's LabelNote use:
//
//	label "default": Y = 1 (positive, the less frequent), N = 0
//
// column is the label's name (surrounding spaces dropped); asked says
// whether Options.Positive chose the positive value.
func LabelNote(column, positive, negative string, asked bool) string {
	why := "the less frequent"
	if asked {
		why = "as asked"
	}
	return fmt.Sprintf("label %q: %s = 1 (positive, %s), %s = 0", strings.TrimSpace(column), positive, why, negative)
}

// countLabels adds the label values of one input to counts, stopping at a
// third value; first keeps the place of that value, for the error.
func countLabels(ctx context.Context, src source, s *Schema, o *Options, li int, counts map[string]int, first *error) error {
	rc, err := src.open()
	if err != nil {
		return err
	}
	defer rc.Close()
	rr := newRecordReader(rc, src.name, o)
	if _, _, err := readHeader(rr, o); err != nil {
		return err
	}
	missing := o.missingSet()
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := rr.read(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := checkWidth(rr, s); err != nil {
			return err
		}
		f := rr.fields[li]
		text := trimSpace(f.text)
		if missing[string(text)] {
			return rr.errAt(f.off, s.Columns[li].Name, string(text), "a label (labels cannot be missing)", "remove the row or fill in its label")
		}
		if _, ok := counts[string(text)]; !ok && len(counts) == 2 && *first == nil {
			*first = rr.errAt(f.off, s.Columns[li].Name, string(text), "one of the label's two values: "+listNames(sortedKeys(counts)),
				"a binary label has two values; recode or remove this row")
		}
		counts[string(text)]++
		if len(counts) > 2 {
			return nil // not a binary label: no need to read on (a regression target may hold a value a row)
		}
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// label returns the index of the label column, or -1.
func (s *Schema) label() int {
	for i, c := range s.Columns {
		if c.Role == RoleLabel {
			return i
		}
	}
	return -1
}

// Positive returns the label value read as 1 and the one read as 0 when
// the label column holds text, and ok false when it holds numbers.
func (s *Schema) Positive() (positive, negative string, ok bool) {
	if li := s.label(); li >= 0 && len(s.Columns[li].Levels) == 2 {
		return s.Columns[li].Levels[1], s.Columns[li].Levels[0], true
	}
	return "", "", false
}
