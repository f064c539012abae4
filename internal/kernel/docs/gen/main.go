// Command gen writes the documentation the kernel embeds for inspection:
// the signature and doc comment of every exported name of every package
// cells may import (yaegi's standard library and kernel/symbols), read
// from the packages' sources with go/doc. Its output is deterministic (sorted
// JSON, gzip without a timestamp) so that `go generate` reproduces it.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gotrain/gotrain/internal/kernel/symbols"
)

func main() {
	out := flag.String("o", "docs.json.gz", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "docs gen:", err)
		os.Exit(1)
	}
}

// entry is one documented name.
type entry struct {
	Sig string `json:"s"`
	Doc string `json:"d,omitempty"`
}

func run(out string) error {
	var paths []string
	for k := range stdlib.Symbols {
		paths = append(paths, path.Dir(k))
	}
	for k := range symbols.Symbols {
		paths = append(paths, path.Dir(k))
	}
	paths = append(paths, "os/exec")
	sort.Strings(paths)
	all := map[string]map[string]entry{}
	for _, p := range paths {
		if _, done := all[p]; done {
			continue
		}
		m, err := packageDocs(p)
		if err != nil {
			return err
		}
		all[p] = m
	}
	js, err := json.Marshal(all)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(js); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// packageDocs reads one package's exported API and docs.
func packageDocs(importPath string) (map[string]entry, error) {
	bp, err := build.Default.Import(importPath, ".", 0)
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", importPath, err)
	}
	fset := token.NewFileSet()
	files := map[string]bool{}
	for _, f := range bp.GoFiles {
		files[f] = true
	}
	pkgs, err := parser.ParseDir(fset, bp.Dir, func(fi fs.FileInfo) bool { return files[fi.Name()] }, parser.ParseComments)
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
	m := map[string]entry{"": {Sig: "package " + d.Name + " // import \"" + importPath + "\"", Doc: d.Doc}}
	addValues := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, n := range v.Names {
				if ast.IsExported(n) {
					m[n] = entry{Sig: declText(fset, v.Decl, n), Doc: v.Doc}
				}
			}
		}
	}
	addFuncs := func(prefix string, fs []*doc.Func) {
		for _, f := range fs {
			if ast.IsExported(f.Name) {
				m[prefix+f.Name] = entry{Sig: funcText(fset, f.Decl), Doc: f.Doc}
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
		m[t.Name] = entry{Sig: typeText(fset, t.Decl), Doc: t.Doc}
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
