package exec

import (
	"go/ast"
	"go/types"
)

// unsafe.Sizeof, Alignof and Offsetof in cells. They are constants in Go;
// yaegi v0.16.1 computes Sizeof and Alignof through reflection and
// panics on Offsetof ("invalid memory address or nil pointer
// dereference"). The checker knows each call's value (with gc's sizes
// for the machine the kernel runs on, which are the interpreter's), so
// the call is written as that value: unsafe.Offsetof(s.c) →
// uintptr(16). A call whose value is not constant (the size of a type
// parameter) is left as it is. The generic Slice, SliceData, String and
// StringData are not in yaegi's table; a call of one is refused with the
// safe spelling to use instead.
func (c *checker) unsafeCalls(f *ast.File, info *types.Info, e stdEdits) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, sel, _ := packageCall(n, info, "unsafe")
		if call == nil {
			return true
		}
		switch sel.Sel.Name {
		case "Sizeof", "Alignof", "Offsetof":
		case "Slice", "SliceData", "String", "StringData":
			if c.fset.Position(call.Pos()).Filename == cellFile {
				e.refused[call.Pos()] = "unsafe." + sel.Sel.Name + " is not available in this interpreter: convert instead (string(b) for a []byte, []byte(s) for a string, &s[0] for a slice's first element)"
			}
			return true
		default:
			return true
		}
		tv, ok := info.Types[call]
		if !ok || tv.Value == nil {
			return true
		}
		p := c.fset.Position(sel.Sel.Pos())
		if p.Filename != cellFile {
			return true
		}
		e.calls[key(p)] = "uintptr(" + tv.Value.ExactString() + ")"
		return true
	})
}
