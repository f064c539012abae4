package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
)

// Package-level variables in dependency order. Go initialises them by
// their dependencies (`total = compute()` after `base = 10` when compute
// reads base, whatever the order they are written in); yaegi v0.16.1 in
// the order written, so total was computed from a zero base. When the
// order go/types gives (Info.InitOrder) is not the cell's, the cell's
// top-level var declarations become one, in that order.

// initOrder marks the cell's top-level var specs with their place in
// Go's initialisation order, when that differs from the written one.
func (c *checker) initOrder(info *types.Info, order map[token.Position]int) {
	var places []token.Position
	for _, init := range info.InitOrder {
		if len(init.Lhs) == 0 {
			continue
		}
		p := c.fset.Position(init.Lhs[0].Pos())
		if p.Filename != cellFile {
			continue
		}
		places = append(places, key(p))
	}
	sorted := sort.SliceIsSorted(places, func(i, j int) bool {
		return places[i].Line < places[j].Line || places[i].Line == places[j].Line && places[i].Column < places[j].Column
	})
	if sorted {
		return
	}
	for i, p := range places {
		order[p] = i + 1
	}
}

// reorderVars rewrites the top-level var declarations of f as one
// declaration in the marked order (specs without a mark, which have no
// initialiser, first).
func reorderVars(n ast.Node, fset *token.FileSet, order map[token.Position]int) {
	f, ok := n.(*ast.File)
	if !ok || len(order) == 0 {
		return
	}
	var specs []ast.Spec
	first := -1
	var decls []ast.Decl
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			decls = append(decls, d)
			continue
		}
		if first < 0 {
			first = len(decls)
			decls = append(decls, gd)
		}
		specs = append(specs, gd.Specs...)
	}
	if first < 0 {
		return
	}
	rank := func(s ast.Spec) int {
		return order[key(fset.Position(s.(*ast.ValueSpec).Names[0].Pos()))]
	}
	marked := false
	for _, s := range specs {
		marked = marked || rank(s) > 0
	}
	if !marked {
		return
	}
	sort.SliceStable(specs, func(i, j int) bool { return rank(specs[i]) < rank(specs[j]) })
	gd := decls[first].(*ast.GenDecl)
	decls[first] = &ast.GenDecl{Doc: gd.Doc, TokPos: gd.TokPos, Tok: token.VAR, Lparen: gd.TokPos, Specs: specs, Rparen: gd.TokPos}
	f.Decls = decls
}
