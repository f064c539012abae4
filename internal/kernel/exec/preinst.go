package exec

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 cannot compile a method of a generic type that calls the
// generic function which made the type's instance, when that function's
// instance is made first: NewSet[int] makes a Set[int], whose Union calls
// NewSet[int] again while NewSet[int] has no type yet ("CFG post-order
// panic: … nil pointer dereference"). Made first, the type's instance
// compiles its methods, and the function's instance then finds the type
// ready. So a function calling a generic function whose signature holds
// instances of generic types declared in cells first declares a variable
// of each (innermost first): at the start of its body, or, for a cell's
// top-level statements, in a function literal run just before the
// statement.

// preinstantiate records, by the statement they go before, the instances
// to make first.
func (c *checker) preinstantiate(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	// instances lists the cell generic types instantiated with concrete
	// types in the signatures of the generic calls under n, innermost
	// first, once each.
	instances := func(n ast.Node) []string {
		var out []string
		ast.Inspect(n, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false // made at the start of the literal's own body
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			inst, ok := info.Instances[id]
			if !ok {
				return true
			}
			if _, isFunc := inst.Type.(*types.Signature); !isFunc {
				return true
			}
			var found []string
			walkType(inst.Type, func(t types.Type) {
				n, ok := t.(*types.Named)
				if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || mentionsTypeParam(n) {
					return
				}
				if s, ok := typeList([]types.Type{n}); ok && !slices.Contains(out, s) && !slices.Contains(found, s) {
					found = append(found, s)
				}
			})
			slices.Reverse(found)
			out = append(out, found...)
			return true
		})
		return out
	}
	mark := func(at ast.Node, ts []string) {
		if len(ts) == 0 {
			return
		}
		if p := c.fset.Position(at.Pos()); p.Filename == cellFile {
			e.preinst[key(p)] = ts
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch x := n.(type) {
		case *ast.FuncDecl:
			if x.Name.Name == "_gotrainCell" {
				for _, s := range x.Body.List {
					mark(s, instances(s))
				}
				return true
			}
			body = x.Body
		case *ast.FuncLit:
			body = x.Body
		default:
			return true
		}
		if body != nil && len(body.List) > 0 {
			mark(body.List[0], instances(body))
		}
		return true
	})
}

// makeInstancesFirst puts before each statement of n that e.preinst
// names the variables making its instances: in a function's body,
// declarations; at a cell's top level, inside a function literal called
// there, so the cell declares no name.
func makeInstancesFirst(n ast.Node, fset *token.FileSet, preinst map[token.Position][]string) {
	if len(preinst) == 0 {
		return
	}
	decls := func(ts []string) []ast.Stmt {
		var out []ast.Stmt
		for i, t := range ts {
			typ, err := parser.ParseExpr(t)
			if err != nil {
				continue // written by typeList: does not happen
			}
			name := fmt.Sprintf("_gotrainInst%d", i)
			out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
				Names: []*ast.Ident{ast.NewIdent(name)},
				Type:  typ,
			}}}}, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(name)}})
		}
		return out
	}
	inFunc := map[*ast.BlockStmt]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			inFunc[x.Body] = true
		case *ast.FuncLit:
			inFunc[x.Body] = true
		}
		return true
	})
	astutil.Apply(n, func(c *astutil.Cursor) bool {
		s, ok := c.Node().(ast.Stmt)
		if !ok || c.Index() < 0 {
			return true
		}
		ts, ok := preinst[key(fset.Position(s.Pos()))]
		if !ok {
			return true
		}
		if body, isBody := c.Parent().(*ast.BlockStmt); isBody && inFunc[body] {
			for _, d := range decls(ts) {
				c.InsertBefore(d)
			}
		} else {
			c.InsertBefore(&ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.FuncLit{
				Type: &ast.FuncType{Params: &ast.FieldList{}},
				Body: &ast.BlockStmt{List: decls(ts)},
			}}})
		}
		return true
	}, nil)
}
