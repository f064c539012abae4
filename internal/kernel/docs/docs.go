package docs

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed docs.json.gz
var compressed []byte

// Entry documents one name: its declaration and its doc comment.
type Entry struct {
	Sig string `json:"s"`
	Doc string `json:"d,omitempty"`
}

// Index is the decoded documentation: import path → name → entry. Methods
// are named "Type.Method"; the package itself is the empty name.
type Index map[string]map[string]Entry

// load decodes the embedded documentation once; the decoded index is
// immutable and shared by every session.
var load = sync.OnceValues(func() (Index, error) {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var idx Index
	if err := json.Unmarshal(raw, &idx); err != nil {
		return nil, err
	}
	return idx, nil
})

// Lookup returns the documentation of name ("Func", "Type" or
// "Type.Method"; "" for the package) in the package with the import path.
func Lookup(importPath, name string) (Entry, bool) {
	idx, err := load()
	if err != nil {
		return Entry{}, false
	}
	e, ok := idx[importPath][name]
	return e, ok
}

// Methods lists the documented methods of a type, sorted.
func Methods(importPath, typeName string) []string {
	idx, err := load()
	if err != nil {
		return nil
	}
	var out []string
	for n := range idx[importPath] {
		if m, ok := strings.CutPrefix(n, typeName+"."); ok {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}
