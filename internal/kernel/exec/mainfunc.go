package exec

import (
	"go/ast"
)

// `func main` as `go run` runs it. yaegi v0.16.1 runs the package's main
// at the end of every compilation of package main once one is declared
// (interp.CompileAST appends it to the program's init nodes), so a cell
// declaring main would run it again behind every later cell. A cell's
// top-level `func main` is therefore declared under mainName, every
// identifier main in cells is renamed to it (so `main()` in a later cell
// calls the latest one), and the cell that declares it calls it once,
// right after the declarations of its group: a program pasted whole runs
// its init functions (yaegi runs them as it compiles the group), then
// main, exactly once. Errors name main again (unrenameError).
const mainName = "_gotrainMain"

// declaresMain reports whether a parsed declaration group declares the
// (renamed) top-level main.
func declaresMain(n ast.Node) bool {
	f, ok := n.(*ast.File)
	if !ok {
		return false
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == mainName {
			return true
		}
	}
	return false
}

// renameMainDecl declares a top-level func main of f under mainName.
func renameMainDecl(f *ast.File) {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			fd.Name.Name = mainName
		}
	}
}

// mainCall is the statement group that runs a cell's main, placed at the
// start of the group that declared it.
func mainCall(g group) group {
	return group{kind: stmtGroup, text: mainName + "()", line: g.line, col: g.col}
}
