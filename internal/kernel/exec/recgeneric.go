package exec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Generic types that refer to themselves. yaegi v0.16.1 instantiates a
// generic type by copying its declaration, and stops at a reference to
// the type itself only when it is written with one type argument
// (`next *node[T]`): a type of two or more parameters referring to
// itself (`left, right *tnode[K, V]`) is copied again and again until the
// Go stack overflows — a fatal error no recover catches, which ends the
// kernel's process. And a composite literal of such a type made in a
// generic function (`&tnode[K, V]{key: k}`) gets a struct type of its
// own, not assignable to the fields that hold it.
//
// So, in the declaration, the kernel writes the reference with the first
// type argument only (yaegi reads it as "the type itself", whatever the
// argument), and the literals become a variable of the type filled field
// by field: `func() *tnode[K, V] { var v tnode[K, V]; v.key = k; return &v }()`.
// Generic types that refer to each other (A[T] holds a *B[T], which holds
// an *A[T]) overflow the stack too: refused before they run. A type
// referring to itself with other type arguments (`*T[B, A]` in T[A, B])
// likewise.

// litVar names the variable a rewritten literal is filled in.
const litVar = "_gotrainLit"

// selfRefGenerics finds, in the checked file f, the cell's generic type
// declarations yaegi cannot instantiate, and the composite literals of
// self-referring generic types of two or more parameters: lits maps a
// literal's position to the names of its type's fields (for positional
// elements). It returns the reason a declaration is refused, at its
// name, or nil.
func (c *checker) selfRefGenerics(f *ast.File, info *types.Info, lits map[token.Position][]string) error {
	// The generic types of main, and which main generic types each
	// refers to.
	refs := map[*types.TypeName][]*types.Named{}
	self := map[*types.TypeName]bool{}
	scope := info.Defs
	for id, obj := range scope {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Pkg().Path() != "main" || c.fset.Position(id.Pos()).Filename != cellFile {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() == 0 {
			continue
		}
		walkType(n.Underlying(), func(t types.Type) {
			m, ok := t.(*types.Named)
			if !ok || m.TypeArgs().Len() == 0 || m.Obj().Pkg() == nil || m.Obj().Pkg().Path() != "main" {
				return
			}
			refs[tn] = append(refs[tn], m)
		})
	}
	names := make([]*types.TypeName, 0, len(refs))
	for tn := range refs {
		names = append(names, tn)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Pos() < names[j].Pos() })
	for _, tn := range names {
		n := tn.Type().(*types.Named)
		for _, m := range refs[tn] {
			if m.Origin().Obj() != tn {
				if path := genericCycle(tn, m.Origin().Obj(), refs); path != "" {
					return construct(c.fset, tn.Pos(), fmt.Sprintf("the interpreter cannot instantiate generic types that refer to each other (%s): it would recurse until the process dies. Make one of them non-generic, or hold the other through an interface or a non-generic type", path))
				}
				continue
			}
			if n.TypeParams().Len() < 2 {
				continue // yaegi stops at T[X] itself
			}
			for i := 0; i < m.TypeArgs().Len(); i++ {
				if m.TypeArgs().At(i) != n.TypeParams().At(i) {
					return construct(c.fset, tn.Pos(), fmt.Sprintf("the interpreter cannot instantiate %s: it refers to itself with other type arguments (%s), which it would expand until the process dies. Refer to it with its own type parameters in order (%s)", tn.Name(), types.TypeString(m, func(*types.Package) string { return "" }), types.TypeString(n, func(*types.Package) string { return "" })))
				}
			}
			self[tn] = true
		}
	}
	// Literals of every self-referring generic type of two or more
	// parameters, this cell's or an earlier one's.
	ast.Inspect(f, func(x ast.Node) bool {
		lit, ok := x.(*ast.CompositeLit)
		if !ok || lit.Type == nil {
			return true
		}
		if n, ok := info.TypeOf(lit).(*types.Named); ok && n.TypeArgs().Len() >= 2 && selfReferring(n.Origin()) {
			c.markGenericLit(lit, info, lits)
		}
		return true
	})
	return nil
}

// selfReferring reports whether the generic type n refers to itself.
func selfReferring(n *types.Named) bool {
	found := false
	walkType(n.Underlying(), func(t types.Type) {
		if m, ok := t.(*types.Named); ok && m.Origin() == n {
			found = true
		}
	})
	return found
}

// genericCycle returns "A → B → A" when the generic type to, which from
// refers to, leads back to from through refs; else "".
func genericCycle(from, to *types.TypeName, refs map[*types.TypeName][]*types.Named) string {
	seen := map[*types.TypeName]bool{}
	var path []string
	var visit func(tn *types.TypeName) bool
	visit = func(tn *types.TypeName) bool {
		if tn == from {
			return true
		}
		if seen[tn] {
			return false
		}
		seen[tn] = true
		path = append(path, tn.Name())
		for _, m := range refs[tn] {
			if visit(m.Origin().Obj()) {
				return true
			}
		}
		path = path[:len(path)-1]
		return false
	}
	if !visit(to) {
		return ""
	}
	return strings.Join(append(append([]string{from.Name()}, path...), from.Name()), " → ")
}

// rewriteSelfRefGenerics makes, in n, the changes selfRefGenerics calls
// for: in a generic type declaration of two or more parameters, its
// references to itself with its own parameters get the first only; the
// marked literals become a variable filled field by field.
func rewriteSelfRefGenerics(n ast.Node, fset *token.FileSet, lits map[token.Position][]string) {
	ast.Inspect(n, func(x ast.Node) bool {
		ts, ok := x.(*ast.TypeSpec)
		if !ok || ts.TypeParams == nil || ts.TypeParams.NumFields() < 2 {
			return true
		}
		var params []string
		for _, f := range ts.TypeParams.List {
			for _, id := range f.Names {
				params = append(params, id.Name)
			}
		}
		astutil.Apply(ts.Type, func(c *astutil.Cursor) bool {
			il, ok := c.Node().(*ast.IndexListExpr)
			if !ok || !ownParams(il, ts.Name.Name, params) {
				return true
			}
			c.Replace(&ast.IndexExpr{X: il.X, Lbrack: il.Lbrack, Index: il.Indices[0], Rbrack: il.Rbrack})
			return false
		}, nil)
		return false
	})
	if len(lits) == 0 {
		return
	}
	astutil.Apply(n, nil, func(c *astutil.Cursor) bool {
		switch x := c.Node().(type) {
		case *ast.UnaryExpr:
			if lit, ok := x.X.(*ast.CompositeLit); ok && x.Op == token.AND {
				if fields, ok := lits[key(fset.Position(lit.Pos()))]; ok {
					c.Replace(filledLiteral(lit, fields, true))
				}
			}
		case *ast.CompositeLit:
			if _, addr := c.Parent().(*ast.UnaryExpr); addr {
				return true // handled with its &
			}
			if fields, ok := lits[key(fset.Position(x.Pos()))]; ok {
				c.Replace(filledLiteral(x, fields, false))
			}
		}
		return true
	})
}

// ownParams reports whether il is name[P1, P2, …] with the declaration's
// own type parameters in order.
func ownParams(il *ast.IndexListExpr, name string, params []string) bool {
	x, ok := il.X.(*ast.Ident)
	if !ok || x.Name != name || len(il.Indices) != len(params) {
		return false
	}
	for i, e := range il.Indices {
		if id, ok := e.(*ast.Ident); !ok || id.Name != params[i] {
			return false
		}
	}
	return true
}

// filledLiteral is `func() T { var v T; v.f = …; return v }()` for the
// literal T{…} (`*T` and `&v` when addr).
func filledLiteral(lit *ast.CompositeLit, fields []string, addr bool) ast.Expr {
	pos := lit.Pos()
	v := func() *ast.Ident { return &ast.Ident{NamePos: pos, Name: litVar} }
	body := []ast.Stmt{&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{v()}, Type: lit.Type}}}}}
	for i, e := range lit.Elts {
		name := ""
		val := e
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				name, val = id.Name, kv.Value
			}
		} else if i < len(fields) {
			name = fields[i]
		}
		if name == "" || name == "_" {
			continue
		}
		body = append(body, &ast.AssignStmt{Lhs: []ast.Expr{&ast.SelectorExpr{X: v(), Sel: &ast.Ident{NamePos: pos, Name: name}}}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{val}})
	}
	var result ast.Expr = lit.Type
	var ret ast.Expr = v()
	if addr {
		result = &ast.StarExpr{Star: pos, X: lit.Type}
		ret = &ast.UnaryExpr{OpPos: pos, Op: token.AND, X: v()}
	}
	body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ret}})
	fn := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: result}}}}, Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: lit.End()}}
	return &ast.CallExpr{Fun: fn, Lparen: lit.End(), Rparen: lit.End()}
}

// selfRefTypes finds a type the cell declares that refers to itself
// other than through a struct or an interface: `type stateFn func(*lexer)
// stateFn`, `type Number *Number`, `type List []List`, or two such types
// through each other. yaegi v0.16.1 cannot build them — it panics
// compiling the cell, or (`type A [2]*A`) recurses until the Go stack
// overflows and the process dies — so the declaration is refused, at the
// type's name, with the way to write it that works.
func (c *checker) selfRefTypes(info *types.Info) error {
	var found []*types.TypeName
	for id, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Pkg() == nil || tn.Pkg().Path() != "main" || c.fset.Position(id.Pos()).Filename != cellFile {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() == 0 && refersToItself(n) {
			found = append(found, tn)
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Pos() < found[j].Pos() })
	tn := found[0]
	under := types.TypeString(tn.Type().Underlying(), types.RelativeTo(tn.Pkg()))
	return construct(c.fset, tn.Pos(), fmt.Sprintf("the interpreter cannot build type %s %s: a type that refers to itself other than through a struct or an interface would crash it. Put the reference in a struct field, e.g. type %s struct{ next %s } (a struct may hold itself through any type)", tn.Name(), under, tn.Name(), under))
}

// refersToItself reports whether the non-struct, non-interface type n
// reaches itself through pointers, slices, arrays, maps, channels, function
// signatures and other such named types of main.
func refersToItself(n *types.Named) bool {
	seen := map[*types.Named]bool{}
	var walk func(t types.Type) bool
	walk = func(t types.Type) bool {
		switch t := t.(type) {
		case *types.Named:
			if t == n {
				return true
			}
			if seen[t] || t.Obj().Pkg() == nil || t.Obj().Pkg().Path() != "main" || t.TypeArgs().Len() > 0 {
				return false
			}
			seen[t] = true
			return walk(t.Underlying())
		case *types.Struct, *types.Interface:
			return false // structs and interfaces hold themselves fine
		}
		found := false
		typeParts(t, func(p types.Type) { found = found || walk(p) })
		return found
	}
	return walk(n.Underlying())
}
