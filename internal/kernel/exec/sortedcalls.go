package exec

import (
	"go/ast"
	"go/types"
	"strings"
)

// slices.Sorted, SortedFunc and SortedStableFunc in cells. In a generic
// function over a generic map type, `slices.Sorted(maps.Keys(s))` in a
// program whose generic constructor of that type ran first overflowed
// yaegi v0.16.1's stack (the cell's process died). Each is what its
// documentation says it is, a Collect and then a sort, and is written so:
//
//	slices.Sorted(seq) → func() []E { s := slices.Collect[E](seq); slices.Sort[[]E, E](s); return s }()
//
// (SortFunc and SortStableFunc with the comparison for the other two),
// (type arguments written out), which runs. A call whose element type the cell cannot write is left.
func (c *checker) sortedCalls(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, sel, _ := packageCall(n, info, "slices")
		if call == nil {
			return true
		}
		var sorter string
		switch {
		case sel.Sel.Name == "Sorted" && len(call.Args) == 1:
			sorter = "Sort[S, E](_gotrain_s)"
		case sel.Sel.Name == "SortedFunc" && len(call.Args) == 2:
			sorter = "SortFunc[S, E](_gotrain_s, ARG1)"
		case sel.Sel.Name == "SortedStableFunc" && len(call.Args) == 2:
			sorter = "SortStableFunc[S, E](_gotrain_s, ARG1)"
		default:
			return true
		}
		p := c.fset.Position(sel.Sel.Pos())
		if p.Filename != cellFile {
			return true
		}
		res, ok := info.TypeOf(call).(*types.Slice)
		if !ok {
			return true
		}
		elem, ok := typeList([]types.Type{res.Elem()})
		if !ok {
			return true
		}
		pkg := stdName("slices")
		sorter = strings.NewReplacer("[S, E]", "[[]"+elem+", "+elem+"]").Replace(sorter)
		e.calls[key(p)] = "func() []" + elem + " { _gotrain_s := " + pkg + ".Collect[" + elem + "](ARG0); " + pkg + "." + sorter + "; return _gotrain_s }()"
		e.need["slices"] = true
		return true
	})
}
