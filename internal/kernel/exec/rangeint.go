package exec

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Ranges over integers, known by their type. The rewriter makes `for i :=
// range n` a counted loop when it can tell n is an integer; without types
// it could not for a constant declared in the same cell (`const N = 3`
// next to `for i := range N`), so yaegi first compiled the cell with the
// range as written, failed, and the retry that made it a counted loop ran
// on a polluted interpreter: a method of `type Matrix [N][N]float64` then
// read its receiver as an empty array ("index out of range [1] with
// length 0"). The checker marks every range whose operand go/types types
// as an integer.

// intRanges marks, by position, the range operands of the cell: true for
// an integer, false for another type.
func (c *checker) intRanges(f *ast.File, info *types.Info, marks map[token.Position]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok {
			return true
		}
		p := c.fset.Position(rs.X.Pos())
		if p.Filename != cellFile {
			return true
		}
		// A typed operand that is not an integer is marked too (false):
		// the retry that makes unknown operands counts leaves it alone.
		if t := info.TypeOf(rs.X); t != nil {
			b, ok := types.Unalias(t).Underlying().(*types.Basic)
			marks[key(p)] = ok && b.Info()&types.IsInteger != 0
		}
		return true
	})
}
