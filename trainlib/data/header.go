package data

import (
	"errors"
	"io"
	"strings"
)

// readHeader returns the column names of the input and the line they are on
// (0 when they come from Options.Names): the first record, or o.Names when
// the input has no header row.
func readHeader(rr *recordReader, o *Options) ([]string, int, error) {
	if o.Names != nil {
		if len(o.Names) > rr.maxCols {
			return nil, 0, &Error{File: rr.file, Expected: "fewer column names in Names", Hint: "raise MaxColumns if they are right"}
		}
		return o.Names, 0, nil
	}
	if err := rr.read(); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, 0, &Error{File: rr.file, Line: 1, Expected: "a header row naming the columns, but the file is empty",
				Hint: "check the path; a file without a header needs Names"}
		}
		return nil, 0, err
	}
	names := make([]string, len(rr.fields))
	for i, f := range rr.fields {
		names[i] = strings.TrimSpace(string(f.text))
	}
	return names, rr.line, nil
}
