// Package symbols holds the compiled packages a notebook cell may import
// besides the standard library: the kernel's display package, gonum's
// numerics and plotting, and trainlib. The files next to this one are made
// by `yaegi extract` through the go:generate line below (go.mod's tool
// directive pins the extractor to the interpreter's version), and the docs
// cells inspect (package docs) right after them, so one `go generate ./...`
// refreshes both; CI fails when regenerating changes or adds a file.
//
// yaegi cannot extract generic functions, so APIs exposed to cells must be
// non-generic.
package symbols

import "reflect"

//go:generate go tool yaegi extract -name symbols github.com/gotrain/gotrain/kernel/display gonum.org/v1/gonum/stat gonum.org/v1/gonum/floats gonum.org/v1/gonum/mat gonum.org/v1/gonum/optimize gonum.org/v1/plot gonum.org/v1/plot/plotter gonum.org/v1/plot/vg gonum.org/v1/plot/vg/draw gonum.org/v1/plot/plotutil github.com/gotrain/gotrain/trainlib/data github.com/gotrain/gotrain/trainlib/frame github.com/gotrain/gotrain/trainlib/datasets github.com/gotrain/gotrain/trainlib/model github.com/gotrain/gotrain/trainlib/explain github.com/gotrain/gotrain/trainlib/explain/chart github.com/gotrain/gotrain/trainlib/job github.com/gotrain/gotrain/trainlib github.com/gotrain/gotrain/trainlib/cluster github.com/gotrain/gotrain/trainlib/gbdt github.com/gotrain/gotrain/trainlib/tune github.com/gotrain/gotrain/trainlib/track github.com/gotrain/gotrain/trainlib/metric
//go:generate go run ../docs/gen -o ../docs/docs.json.gz

// Symbols maps "import/path/name" to the package's exported symbols, in the
// form interp.Interpreter.Use expects. It is filled by the generated files'
// init functions and not modified afterwards.
var Symbols = map[string]map[string]reflect.Value{}

// Packages lists the import paths Symbols exposes, for completion and docs.
func Packages() []string {
	out := make([]string, 0, len(Symbols))
	for k := range Symbols {
		out = append(out, k[:lastSlash(k)])
	}
	return out
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return len(s)
}
