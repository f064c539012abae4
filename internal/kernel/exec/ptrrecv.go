package exec

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// Pointer-receiver methods called on a struct variable. `c.inc(x)`, with
// inc declared on *Container and c a Container, takes c's address, as Go
// does; but yaegi v0.16.1's method wrapper first copies the receiver it
// was given (the whole struct, to see whether it is one of its interface
// values) before taking the address: a struct holding a sync.Mutex is
// read while other goroutines lock it, which the race detector reports
// (a data race in the kernel, whatever the program does right). The
// checker marks such calls and the receiver is written `(&c)`: the
// wrapper copies a pointer.

// ptrReceivers marks, by the method name's position, the cell's calls of
// a pointer-receiver method on an addressable value that is not a
// pointer.
func (c *checker) ptrReceivers(f *ast.File, info *types.Info, marks map[token.Position]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		if !ok {
			return true
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Recv() == nil {
			return true
		}
		if _, ptrRecv := sig.Recv().Type().(*types.Pointer); !ptrRecv {
			return true
		}
		xt := info.TypeOf(sel.X)
		if xt == nil || types.IsInterface(xt) {
			return true
		}
		if _, isPtr := xt.Underlying().(*types.Pointer); isPtr {
			return true
		}
		if _, isType := info.Types[sel.X]; !isType || info.Types[sel.X].IsType() {
			return true // a method expression T.m
		}
		if p := c.fset.Position(sel.Sel.Pos()); p.Filename == cellFile {
			marks[key(p)] = true
		}
		return true
	})
}

// addressReceivers writes the receivers of the calls ptrReceivers marked
// as (&x).
func addressReceivers(n ast.Node, fset *token.FileSet, marks map[token.Position]bool) {
	if len(marks) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		sel, ok := c.Node().(*ast.SelectorExpr)
		if !ok || !marks[key(fset.Position(sel.Sel.Pos()))] {
			return true
		}
		if _, isCall := c.Parent().(*ast.CallExpr); !isCall {
			return true
		}
		pos := sel.X.Pos()
		sel.X = &ast.ParenExpr{Lparen: pos, X: &ast.UnaryExpr{OpPos: pos, Op: token.AND, X: sel.X}, Rparen: sel.X.End()}
		return true
	})
}
