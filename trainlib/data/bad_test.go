package data

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .err files of testdata/bad")

// badCases lists the malformed files of testdata/bad and the options each is
// read with. Each file's documented error is the golden file next to it
// (same name, .err), checked word for word; go test -run TestBadCorpus
// -update rewrites them after a deliberate change of wording.
var badCases = map[string]Options{
	"ragged_short.csv":            {Label: "label"},
	"ragged_long.csv":             {Label: "label"},
	"text_in_numeric.csv":         {Label: "label"},
	"label_not_binary.csv":        {Label: "label", BinaryLabel: true},
	"label_column_absent.csv":     {Label: "label"},
	"drop_column_absent.csv":      {Label: "label", Drop: []string{"ID"}},
	"duplicate_header.csv":        {Label: "label"},
	"empty.csv":                   {Label: "label"},
	"header_only.csv":             {Label: "label"},
	"oversized_line.csv":          {Label: "label", MaxLineBytes: 64},
	"invalid_utf8.csv":            {Label: "label", OneHot: true},
	"unclosed_quote.csv":          {Label: "label"},
	"quote_in_unquoted_field.csv": {Label: "label"},
	"text_after_quote.csv":        {Label: "label"},
	"label_missing_value.csv":     {Label: "label"},
	"infinite_value.csv":          {Label: "label"},
	"label_text.csv":              {Label: "label"},
	"empty_header_name.csv":       {Label: "label"},
	"too_many_levels.csv":         {Label: "label", OneHot: true, MaxLevels: 3},
	"out_of_range.csv":            {Label: "label"},
	"record_too_long.csv":         {Label: "label", MaxLineBytes: 64},
}

func TestBadCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("testdata/bad holds %d files, the corpus needs at least 10", len(files))
	}
	for _, f := range files {
		if _, ok := badCases[filepath.Base(f)]; !ok {
			t.Errorf("%s has no entry in badCases: document its options and expected error", f)
		}
	}
	for name, o := range badCases {
		t.Run(name, func(t *testing.T) {
			path := "testdata/bad/" + name
			_, err := LoadFile(context.Background(), path, o)
			if err == nil {
				t.Fatalf("%s loaded without error", path)
			}
			var de *Error
			if !errors.As(err, &de) {
				t.Errorf("error is %T, want *data.Error: %v", err, err)
			} else if de.File != path {
				t.Errorf("error names file %q, want %q", de.File, path)
			}
			golden := strings.TrimSuffix(path, ".csv") + ".err"
			if *update {
				if err := os.WriteFile(golden, []byte(err.Error()+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("the documented error is missing: %v", rerr)
			}
			if got := err.Error() + "\n"; got != string(want) {
				t.Errorf("error\n got: %s want: %s", got, want)
			}
		})
	}
}
