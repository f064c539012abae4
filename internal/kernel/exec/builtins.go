package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// The builtins yaegi v0.16.1 lacks (Go 1.21's min, max and clear). The
// checker knows each call's type, so a call is rewritten before yaegi
// compiles it: min(a, b, c) of type T becomes a call of the function
// literal minFunc(T) with the same arguments (NaN wins, as in Go), and
// clear(x) a call of the runtime's Clear, which clears a map or zeroes a
// slice's elements through reflect. Calls are matched by their position in
// the cell; a cell the checker was not sure of keeps its calls, and yaegi
// reports them.

// builtinCalls finds the calls of min, max and clear in the checked file
// and returns their replacement functions (as Go source) by the cell
// position of the call's name.
func (c *checker) builtinCalls(f *ast.File, info *types.Info, imports map[string]string) map[token.Position]string {
	var out map[token.Position]string
	qual := qualifier(imports)
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok {
			return true
		}
		if _, ok := info.Uses[id].(*types.Builtin); !ok {
			return true
		}
		var repl string
		switch id.Name {
		case "min", "max":
			tv, ok := info.Types[call]
			if !ok || tv.Type == nil {
				return true
			}
			t := types.TypeString(types.Default(tv.Type), qual)
			if !writable(t) {
				return true
			}
			op := "<"
			if id.Name == "max" {
				op = ">"
			}
			repl = "func(m " + t + ", more ..." + t + ") " + t + " { for _, x := range more { if x " + op + " m || x != x { m = x } }; return m }"
		case "clear":
			repl = rtName + ".Clear"
		default:
			return true
		}
		if out == nil {
			out = map[token.Position]string{}
		}
		p := c.fset.Position(id.Pos())
		out[token.Position{Filename: p.Filename, Line: p.Line, Column: p.Column}] = repl
		return true
	})
	return out
}

// qualifier names packages as the session imported them; a package not
// imported by name gets a name no source can spell.
func qualifier(imports map[string]string) types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		if n, ok := imports[p.Path()]; ok {
			return n
		}
		return "\x00"
	}
}

// writable reports whether a type string from qualifier can be spelled.
func writable(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] == 0 {
			return false
		}
	}
	return true
}

// replaceBuiltins rewrites, in n, the calls the checker found (see
// builtinCalls); fset positions n's nodes in the cell.
func replaceBuiltins(n ast.Node, fset *token.FileSet, calls map[token.Position]string) {
	if len(calls) == 0 {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok {
			return true
		}
		p := fset.Position(id.Pos())
		repl, ok := calls[token.Position{Filename: p.Filename, Line: p.Line, Column: p.Column}]
		if !ok {
			return true
		}
		if e, err := parser.ParseExprFrom(fset, "", repl, 0); err == nil {
			setPos(e, id.Pos())
			call.Fun = e
		}
		return true
	})
}

// setPos places every node of a synthesized expression at pos, so errors
// and panics in it name the call's place in the cell.
func setPos(e ast.Node, pos token.Pos) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			x.NamePos = pos
		case *ast.FuncType:
			x.Func = pos
		case *ast.BlockStmt:
			x.Lbrace, x.Rbrace = pos, pos
		}
		return true
	})
}
