package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Role says what a column of the input is for.
type Role string

// The roles of a column.
const (
	RoleFeature Role = "feature"
	RoleLabel   Role = "label"
	RoleDrop    Role = "drop"
	RoleWeight  Role = "weight"
)

// Schema fixes how the columns of CSV input become features: each column's
// name and role, and for a categorical column its levels, one feature each.
// A Schema is plain data (it marshals to JSON), so a driver can compute it
// once over every shard and send it to workers that load a few shards each:
// all shards then have the same features in the same order.
type Schema struct {
	Columns []Column `json:"columns"`
	// Native keeps categorical columns as one feature of level codes
	// (Options.NativeCategorical) instead of one-hot encoding them.
	Native bool `json:"native_categorical,omitempty"`
}

// Column is one column of the input.
type Column struct {
	Name string `json:"name"`
	Role Role   `json:"role"`
	// Categorical columns are one-hot encoded into one feature per level,
	// named Name_Level, in the order of Levels. A label column's Levels,
	// when it holds text, are its two values: the one read as 0, then the
	// one read as 1.
	Categorical bool     `json:"categorical,omitempty"`
	Levels      []string `json:"levels,omitempty"`
}

// Features returns the feature names the schema produces, in order.
func (s *Schema) Features() []string {
	var names []string
	for _, c := range s.Columns {
		switch {
		case c.Role != RoleFeature:
		case c.Categorical && !s.Native:
			for _, l := range c.Levels {
				names = append(names, c.Name+"_"+l)
			}
		default:
			names = append(names, c.Name)
		}
	}
	return names
}

// FeatureCategories returns, per feature, the levels a native categorical
// feature's codes stand for (nil for other features), or nil when the
// schema has no native categorical feature.
func (s *Schema) FeatureCategories() [][]string {
	if !s.Native {
		return nil
	}
	var out [][]string
	has := false
	for _, c := range s.Columns {
		switch {
		case c.Role != RoleFeature:
		case c.Categorical:
			out = append(out, slices.Clone(c.Levels))
			has = true
		default:
			out = append(out, nil)
		}
	}
	if !has {
		return nil
	}
	return out
}

// Names returns the input column names, in order.
func (s *Schema) Names() []string {
	names := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		names[i] = c.Name
	}
	return names
}

// column returns the index of the column called name, or -1.
func (s *Schema) column(name string) int {
	for i, c := range s.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// newSchema gives each named column its role from the options; file and
// line name the header for errors. When the header looks like data (a name
// is a number), the error says how to read a file without a header.
func newSchema(names []string, o *Options, file string, line int) (*Schema, error) {
	s, err := rolesFor(names, o, file, line)
	var e *Error
	if err != nil && o.Names == nil && errors.As(err, &e) && looksLikeData(names) {
		e.Hint += "; the first line looks like data, not a header: for a file without a header pass the column names (Options.Names)"
	}
	return s, err
}

// looksLikeData reports whether a header holds a number, as a data row
// does.
func looksLikeData(names []string) bool {
	for _, n := range names {
		if _, kind := parseNumber([]byte(n), nil); kind == numOK {
			return true
		}
	}
	return false
}

func rolesFor(names []string, o *Options, file string, line int) (*Schema, error) {
	s := &Schema{Columns: make([]Column, len(names)), Native: o.NativeCategorical}
	seen := make(map[string]int, len(names))
	for i, n := range names {
		if n == "" {
			return nil, &Error{File: file, Line: line, Expected: fmt.Sprintf("a name for column %d", i+1),
				Hint: "give every column a name in the header, or pass Names"}
		}
		if j, dup := seen[n]; dup {
			return nil, &Error{File: file, Line: line, Name: n, Text: n,
				Expected: fmt.Sprintf("unique column names, but columns %d and %d are both called %q", j+1, i+1, n),
				Hint:     "rename one of them in the header"}
		}
		seen[n] = i
		s.Columns[i] = Column{Name: n, Role: RoleFeature}
	}
	// Names given in Options are trimmed as header names are, so the
	// header's exact text ("default " with its trailing space) names it too.
	mustFind := func(name, what, hint string) (int, error) {
		if i, ok := seen[strings.TrimSpace(name)]; ok {
			return i, nil
		}
		return -1, &Error{File: file, Line: line, Text: name,
			Expected: fmt.Sprintf("the %s to be one of the columns: %s", what, listNames(names)), Hint: hint}
	}
	for _, d := range o.Drop {
		i, err := mustFind(d, "column to drop", "check the spelling of Drop (gotrain: --drop)")
		if err != nil {
			return nil, err
		}
		s.Columns[i].Role = RoleDrop
	}
	if o.Label != "" {
		i, err := mustFind(o.Label, "label column", "check the spelling of Label (gotrain: --label)")
		if err != nil {
			return nil, err
		}
		if s.Columns[i].Role == RoleDrop {
			return nil, &Error{File: file, Line: line, Name: o.Label, Expected: "a label column that is not also dropped",
				Hint: "remove it from Drop"}
		}
		s.Columns[i].Role = RoleLabel
	}
	if o.Weight != "" {
		i, err := mustFind(o.Weight, "weight column", "check the spelling of Weight (gotrain: --weight)")
		if err != nil {
			return nil, err
		}
		if s.Columns[i].Role != RoleFeature {
			return nil, &Error{File: file, Line: line, Name: o.Weight, Expected: "a weight column that is neither the label nor dropped",
				Hint: "name another column with Weight (gotrain: --weight)"}
		}
		s.Columns[i].Role = RoleWeight
	}
	for _, c := range o.Categorical {
		i, err := mustFind(c, "categorical column", "check the spelling of Categorical")
		if err != nil {
			return nil, err
		}
		if s.Columns[i].Role != RoleFeature {
			return nil, &Error{File: file, Line: line, Name: c, Expected: "a categorical column that is a feature",
				Hint: "a label or dropped column cannot be one-hot encoded"}
		}
		s.Columns[i].Categorical = true
	}
	return s, nil
}

// checkOutputNames rejects a schema whose one-hot feature names collide with
// each other or with another column's name.
func (s *Schema) checkOutputNames(file string) error {
	seen := map[string]bool{}
	for _, n := range s.Features() {
		if seen[n] {
			return &Error{File: file, Name: n, Expected: "distinct feature names after one-hot encoding",
				Hint: fmt.Sprintf("feature %q is made twice: rename the column that collides with a one-hot feature", n)}
		}
		seen[n] = true
	}
	return nil
}

// sameColumns reports the first column where the input's names differ from
// the schema's, as an error for file's header line.
func (s *Schema) sameColumns(names []string, file string, line int) error {
	want := s.Names()
	if slices.Equal(want, names) {
		return nil
	}
	for i := 0; i < max(len(want), len(names)); i++ {
		switch {
		case i >= len(names):
			return &Error{File: file, Line: line, Expected: fmt.Sprintf("column %d to be %q like the other files, but the header ends", i+1, want[i]),
				Hint: "every file of a set must have the same columns in the same order"}
		case i >= len(want):
			return &Error{File: file, Line: line, Text: names[i], Expected: fmt.Sprintf("%d columns like the other files", len(want)),
				Hint: "every file of a set must have the same columns in the same order"}
		case want[i] != names[i]:
			return &Error{File: file, Line: line, Text: names[i], Expected: fmt.Sprintf("column %d to be %q like the other files", i+1, want[i]),
				Hint: "every file of a set must have the same columns in the same order"}
		}
	}
	return nil
}

// listNames shows up to 12 names for an error message.
func listNames(names []string) string {
	if len(names) <= 12 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:12], ", ") + fmt.Sprintf(" … (%d in all)", len(names))
}
