package docs

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"sort"
	"strings"
)

// FromSource reads the exported API and doc comments of the package with
// the import path from goFiles in dir, as the embedded index holds them
// (name → entry; methods as "Type.Method"; the package as ""). The kernel
// uses it for the index and for packages a session imports from source.
func FromSource(importPath, dir string, goFiles []string) (map[string]Entry, error) {
	files := map[string]bool{}
	for _, f := range goFiles {
		files[f] = true
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return files[fi.Name()] }, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", importPath, err)
	}
	var astFiles []*ast.File
	for _, p := range pkgs {
		for _, f := range p.Files {
			astFiles = append(astFiles, f)
		}
	}
	sort.Slice(astFiles, func(i, j int) bool { return fset.File(astFiles[i].Pos()).Name() < fset.File(astFiles[j].Pos()).Name() })
	d, err := doc.NewFromFiles(fset, astFiles, importPath)
	if err != nil {
		return nil, fmt.Errorf("doc %s: %w", importPath, err)
	}
	m := map[string]Entry{"": {Sig: "package " + d.Name + " // import \"" + importPath + "\"", Doc: d.Doc}}
	addValues := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, n := range v.Names {
				if ast.IsExported(n) {
					m[n] = Entry{Sig: declText(fset, v.Decl, n), Doc: v.Doc}
				}
			}
		}
	}
	addFuncs := func(prefix string, fs []*doc.Func) {
		for _, f := range fs {
			if ast.IsExported(f.Name) {
				m[prefix+f.Name] = Entry{Sig: funcText(fset, f.Decl), Doc: f.Doc}
			}
		}
	}
	addValues(d.Consts)
	addValues(d.Vars)
	addFuncs("", d.Funcs)
	for _, t := range d.Types {
		if !ast.IsExported(t.Name) {
			continue
		}
		m[t.Name] = Entry{Sig: typeText(fset, t.Decl), Doc: t.Doc}
		addValues(t.Consts)
		addValues(t.Vars)
		addFuncs("", t.Funcs)
		addFuncs(t.Name+".", t.Methods)
	}
	return m, nil
}

// funcText prints a function's signature without its body.
func funcText(fset *token.FileSet, f *ast.FuncDecl) string {
	f.Body = nil
	f.Doc = nil
	return nodeText(fset, f)
}

// typeText prints a type declaration, capped for huge interfaces/structs.
func typeText(fset *token.FileSet, g *ast.GenDecl) string {
	g.Doc = nil
	return capText(nodeText(fset, g), 40)
}

// declText prints the const/var spec that declares name.
func declText(fset *token.FileSet, g *ast.GenDecl, name string) string {
	for _, s := range g.Specs {
		vs, ok := s.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for _, n := range vs.Names {
			if n.Name == name {
				vs.Doc, vs.Comment = nil, nil
				return g.Tok.String() + " " + capText(nodeText(fset, vs), 10)
			}
		}
	}
	return g.Tok.String() + " " + name
}

func nodeText(fset *token.FileSet, n any) string {
	var b bytes.Buffer
	(&printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}).Fprint(&b, fset, n)
	return b.String()
}

// capText keeps at most n lines.
func capText(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + "\n\t// …"
}
