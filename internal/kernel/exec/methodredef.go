package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// Redefining a method. yaegi v0.16.1 keeps the first definition of a
// method for good. A type declared under a new name gets new methods,
// though (typenames.go), so a cell that defines a method of a cell type
// again declares the type again, under a fresh internal name, with every
// method it has: the ones the cell defines and the earlier cells' others
// (a group of their source put before the cell's own, at lines no cell
// reaches). From then on the type's name means the new one: values made
// after it use the new method; values made before keep the old type and
// method, and the cell names the variables holding them, once.

// redeclaredLine is where the re-declared methods' group is placed:
// beyond any cell's lines, so its positions meet none of the cell's.
const redeclaredLine = 1 << 20

// redeclareForMethods returns the cell's groups with, before each
// declaration group that defines a method of a cell type again, a group
// declaring that type again with its other methods; and notes for the
// cell's stderr.
func (s *Session) redeclareForMethods(groups []group) ([]group, []string) {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	var out []group
	var notes []string
	for _, g := range groups {
		if g.kind != declGroup {
			out = append(out, g)
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), cellFile, "package main;"+lineDirective(g)+g.text, 0)
		if err != nil {
			out = append(out, g)
			continue
		}
		redefined := map[string][]string{} // type → its methods this cell defines again
		inCell := map[string]bool{}        // "T.M" keys this cell defines
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) == 0 {
				continue
			}
			recv := fd.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			id, ok := recv.(*ast.Ident) // generic types are left as they are
			if !ok {
				continue
			}
			key := id.Name + "." + fd.Name.Name
			inCell[key] = true
			if prev, ok := s.methods[key]; ok && prev != nodeText(fd) && s.types[id.Name] != "" {
				redefined[id.Name] = append(redefined[id.Name], fd.Name.Name)
			}
		}
		var after []group
		for _, t := range sortedNames(redefined) {
			// A cell that declares the type itself (the same body)
			// gets the earlier cells' other methods after its own group.
			// One that declares it with another body redefines the type
			// (typenames.go says so), its methods with it.
			own := declaresType(f, t)
			if own && typeBody(f, t) != s.types[t] {
				continue
			}
			var b strings.Builder
			if !own {
				b.WriteString("type " + t + " " + s.types[t] + "\n")
			}
			for _, k := range sortedNames(s.methods) {
				if strings.HasPrefix(k, t+".") && !inCell[k] {
					b.WriteString(s.methods[k] + "\n")
				}
			}
			extra := group{kind: declGroup, text: b.String(), line: redeclaredLine, col: 1}
			switch {
			case !own:
				out = append(out, extra)
			case b.Len() > 0:
				after = append(after, extra)
			}
			if s.redeclare == nil {
				s.redeclare = map[string]bool{}
			}
			s.redeclare[t] = true
			notes = append(notes, s.methodNote(t, redefined[t]))
		}
		out = append(out, g)
		out = append(out, after...)
	}
	return out, notes
}

// typeBody is the text of the type f declares under name, as
// noteTypeDecl records it; "" when f declares none.
func typeBody(f *ast.File, name string) string {
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				if ts := sp.(*ast.TypeSpec); ts.Name.Name == name {
					return nodeText(ts.Type)
				}
			}
		}
	}
	return ""
}

// declaresType reports whether f declares the type name.
func declaresType(f *ast.File, name string) bool {
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				if sp.(*ast.TypeSpec).Name.Name == name {
					return true
				}
			}
		}
	}
	return false
}

// methodNote says which values keep the old methods of t; stateMu is held.
func (s *Session) methodNote(t string, methods []string) string {
	names := make([]string, len(methods))
	for i, m := range methods {
		names[i] = t + "." + m
	}
	var old []string
	for v, vt := range s.varType {
		if strings.TrimPrefix(vt, "*") == t {
			old = append(old, v)
		}
	}
	sort.Strings(old)
	msg := "note: method " + strings.Join(names, ", ") + " is redefined: " + t + " is declared again with it, and values of " + t + " made from now on use it"
	if len(old) > 0 {
		msg += "; " + strings.Join(old, ", ") + " (made before) keep the old method"
	}
	return msg + ", as do functions declared before this cell that take or return " + t + " (run their cells again to use the new one)\n"
}

// sortedNames returns a map's keys, sorted.
func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// endRedeclare forgets the running cell's re-declarations.
func (s *Session) endRedeclare() {
	s.stateMu.Lock()
	s.redeclare = nil
	s.stateMu.Unlock()
}
