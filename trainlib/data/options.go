package data

import "fmt"

// Default caps, applied when the matching Options field is zero. They bound
// what the reader allocates before it has seen the data.
const (
	// DefaultMaxLineBytes caps one physical line of a CSV file.
	DefaultMaxLineBytes = 1 << 20
	// DefaultMaxColumns caps the number of columns of a file.
	DefaultMaxColumns = 100_000
	// DefaultMaxValues caps the number of feature values of one Dataset
	// (rows × features): 1<<31 float32 values are 8 GiB.
	DefaultMaxValues = 1 << 31
	// DefaultMaxLevels caps the distinct values of one categorical column.
	DefaultMaxLevels = 1000
)

// DefaultMissing lists the spellings read as a missing value. Any spelling
// of NaN that strconv accepts is missing too.
var DefaultMissing = []string{"", "NA", "NaN", "nan", "N/A"}

// Options says how to read CSV input. The zero value reads comma-separated
// files with a header row, every column a numeric feature.
type Options struct {
	// Comma is the field delimiter, ',' when zero. It must be an ASCII
	// character other than '"', '\r' and '\n' (German credit uses ' ').
	Comma rune
	// Names, when set, names the columns of input that has no header row;
	// the first line is then data. When nil the first line is the header.
	Names []string
	// Label names the label column; empty means the data has no label.
	Label string
	// Weight names the sample-weight column (finite numbers ≥ 0, read into
	// Dataset.Weight); empty means every row weighs 1.
	Weight string
	// Positive is the label value read as 1 when the label column holds two
	// words instead of numbers (Y/N, yes/no, true/false); the other is read
	// as 0. Empty means the less frequent of the two (on a tie the one that
	// sorts last: Y, yes, true). Set, it also names the positive one of a
	// label of two numbers other than 0 and 1 (German credit's 1 = good,
	// 2 = bad: Positive "2"). The Schema records the pair (Levels of the
	// label column, negative first; Schema.Positive), so shards loaded with
	// it read the same way. Surrounding spaces are ignored.
	Positive string
	// Negative, set with Positive, names the value read as 0, so that part
	// of the data holding only one of the two (a worker's shards of a rare
	// Y) reads as the whole does; a third value is then an error. Empty
	// means the other value found.
	Negative string
	// BinaryLabel checks that every label is 0 or 1, as binary:logistic
	// needs.
	BinaryLabel bool
	// Labels, when set, is the rule every label must follow (an
	// objective's: gbdt's Params.LabelRule makes it); a label that breaks
	// it is an error naming its file, line and column.
	Labels *LabelRule
	// Drop names columns to leave out (an ID, for example). Each must exist.
	Drop []string
	// OneHot one-hot encodes every column that holds text (non-numeric
	// values): column "purpose" with values A40, A41 … becomes features
	// "purpose_A40", "purpose_A41" …, levels sorted by byte order as pandas'
	// get_dummies does. A missing value sets no level. Without OneHot, text
	// in a feature column is an error.
	OneHot bool
	// Categorical names columns to one-hot encode even when their values are
	// numbers (codes such as 1, 2, 3). It implies one-hot encoding of them.
	Categorical []string
	// NativeCategorical keeps each text column (and each Categorical
	// column) as one feature holding its level's code — 0, 1, … in the
	// levels' byte order, as pandas' category codes — for trainers that
	// split on categories themselves (XGBoost's enable_categorical). The
	// Dataset's Categories name the codes. It replaces one-hot encoding.
	NativeCategorical bool
	// MissingValues adds spellings read as missing to DefaultMissing.
	MissingValues []string
	// Schema, when set, fixes the columns, their roles and the categorical
	// levels instead of deriving them from the data; loading shards on
	// several workers with one Schema gives every shard the same features.
	Schema *Schema
	// MaxLineBytes, MaxColumns, MaxValues and MaxLevels override the
	// Default* caps when positive.
	MaxLineBytes int
	MaxColumns   int
	MaxValues    int64
	MaxLevels    int
	// Parallel bounds how many files load at once; 0 means GOMAXPROCS.
	Parallel int
	// BlockBytes, when positive, parses every input in blocks of about
	// this many bytes on GOMAXPROCS goroutines, whatever its size (tests
	// use tiny blocks to check that blocks read as records one by one do).
	// Zero parses files of 8 MiB and more in 1 MiB blocks.
	BlockBytes int
}

// encodesText reports whether text columns become features, which needs
// their levels before loading.
func (o *Options) encodesText() bool {
	return o.OneHot || o.NativeCategorical || len(o.Categorical) > 0
}

func (o *Options) comma() byte {
	if o.Comma == 0 {
		return ','
	}
	return byte(o.Comma)
}

func (o *Options) check() error {
	c := o.Comma
	if c != 0 && (c < 0 || c >= 0x80 || c == '"' || c == '\r' || c == '\n') {
		return fmt.Errorf("data: delimiter %q is not supported: use an ASCII character other than a quote or a line break", c)
	}
	return nil
}

func (o *Options) maxLine() int {
	if o.MaxLineBytes > 0 {
		return o.MaxLineBytes
	}
	return DefaultMaxLineBytes
}

func (o *Options) maxColumns() int {
	if o.MaxColumns > 0 {
		return o.MaxColumns
	}
	return DefaultMaxColumns
}

func (o *Options) maxValues() int64 {
	if o.MaxValues > 0 {
		return o.MaxValues
	}
	return DefaultMaxValues
}

func (o *Options) maxLevels() int {
	if o.MaxLevels > 0 {
		return o.MaxLevels
	}
	return DefaultMaxLevels
}

// missingSet returns the spellings read as missing.
func (o *Options) missingSet() map[string]bool {
	m := make(map[string]bool, len(DefaultMissing)+len(o.MissingValues))
	for _, s := range DefaultMissing {
		m[s] = true
	}
	for _, s := range o.MissingValues {
		m[s] = true
	}
	return m
}
