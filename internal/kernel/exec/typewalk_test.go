package exec

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// checkSource type-checks src as package main.
func checkSource(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("main", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func TestWalkTypeVisitsEveryWrittenTypeOnce(t *testing.T) {
	pkg := checkSource(t, `package main
type A struct{ n int }
type B[T any] struct{ v T }
type Num interface{ ~int | ~float64 }
type C interface {
	Num
	M(map[string]*A) (chan []B[[2]uint8], error)
}
type S struct {
	f func(A) A
	i interface{ M() A }
}
func main() {}
`)
	var seen []string
	walkType(pkg.Scope().Lookup("S").Type().Underlying(), func(t types.Type) {
		seen = append(seen, types.TypeString(t, types.RelativeTo(pkg)))
	})
	for _, want := range []string{"func(A) A", "A", "interface{M() A}", "func() A"} {
		if !slices.Contains(seen, want) {
			t.Errorf("walkType of S's struct missed %s; visited %q", want, seen)
		}
	}
	if slices.Contains(seen, "int") {
		t.Errorf("walkType looked into a named type's declaration: %q", seen)
	}
	seen = nil
	walkType(pkg.Scope().Lookup("C").Type().Underlying(), func(t types.Type) {
		seen = append(seen, types.TypeString(t, types.RelativeTo(pkg)))
	})
	for _, want := range []string{"Num", "map[string]*A", "*A", "A", "chan []B[[2]uint8]", "B[[2]uint8]", "[2]uint8", "uint8", "error"} {
		if !slices.Contains(seen, want) {
			t.Errorf("walkType of C's interface missed %s; visited %q", want, seen)
		}
	}
	counts := map[string]int{}
	for _, s := range seen {
		counts[s]++
	}
	for s, n := range counts {
		if n > 1 {
			t.Errorf("walkType visited %s %d times", s, n)
		}
	}
}

func TestLocalTypeLooksThroughSignaturesAndFields(t *testing.T) {
	pkg := checkSource(t, `package main
type G struct{}
var f func() any
var g struct{ x []G }
func main() {
	type L struct{}
	f = func() any { return func(L) {} }
	_ = struct{ l *L }{}
}
`)
	if localType(pkg.Scope().Lookup("g").Type()) {
		t.Error("localType: struct{ x []G } holds no function-local type")
	}
	inner := pkg.Scope().Lookup("main").(*types.Func).Scope().Lookup("L")
	if inner == nil {
		t.Fatal("no L in main's scope")
	}
	local := inner.Type()
	for _, typ := range []types.Type{
		local,
		types.NewPointer(local),
		types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, nil, "", local)), nil, false),
		types.NewStruct([]*types.Var{types.NewField(token.NoPos, pkg, "l", types.NewSlice(local), false)}, nil),
	} {
		if !localType(typ) {
			t.Errorf("localType(%s) = false, want true", typ)
		}
	}
}

func TestRefersToItselfStopsAtStructsAndInterfaces(t *testing.T) {
	pkg := checkSource(t, `package main
type lexer struct{}
type stateFn func(*lexer) stateFn
type List []List
type M map[string]func() []M
type node struct{ next *node }
type Nodes []node
type Tree []struct{ kids Tree }
func main() {}
`)
	for name, want := range map[string]bool{"stateFn": true, "List": true, "M": true, "Nodes": false, "Tree": false} {
		n := pkg.Scope().Lookup(name).Type().(*types.Named)
		if got := refersToItself(n); got != want {
			t.Errorf("refersToItself(%s) = %v, want %v", name, got, want)
		}
	}
}
