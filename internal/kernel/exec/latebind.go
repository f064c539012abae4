package exec

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// Late binding of functions. yaegi binds a call to the function declared
// when the caller was compiled: after `func f` is declared again, an
// earlier `func g() { f() }` still calls the old f. So when a cell
// declares functions, the earlier cells' functions that call them
// (directly or through other such functions) are declared again, from
// the checker's record of their source, right after the cell's group:
// every caller then uses the new definition, as in a Python notebook.
// Function values taken before (h := f) and goroutines already running
// keep the old code, as Python's would; the cell says which functions
// were declared again.

// callersOf returns the source of the earlier cells' plain functions that
// call any of names, transitively, in their order of declaration, and
// their names; names declared by the running cell (skip) are not
// returned.
func (c *checker) callersOf(names, skip map[string]bool) (src string, redone []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	changed := map[string]bool{}
	for n := range names {
		changed[n] = true
	}
	picked := map[int]bool{}
	for grew := true; grew; {
		grew = false
		for i, d := range c.decls {
			if picked[i] || len(d.keys) != 1 || skip[d.keys[0]] || !strings.HasPrefix(d.text, "func "+d.keys[0]) {
				continue
			}
			ids := cellIdents([]group{{text: d.text}})
			for n := range changed {
				if ids[n] {
					picked[i], changed[d.keys[0]], grew = true, true, true
					break
				}
			}
		}
	}
	var b strings.Builder
	for i, d := range c.decls {
		if picked[i] {
			b.WriteString(d.text + "\n")
			redone = append(redone, d.keys[0])
		}
	}
	sort.Strings(redone)
	return b.String(), redone
}

// declaredFuncs returns the plain functions a parsed group declares.
func declaredFuncs(n ast.Node) map[string]bool {
	f, ok := n.(*ast.File)
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name != mainName && fd.Name.Name != "init" {
			out[fd.Name.Name] = true
		}
	}
	return out
}

// rebindCallers declares again the earlier functions calling a function
// the group just declared (see callersOf), and says which.
func (s *Session) rebindCallers(ctx context.Context, code string, node ast.Node, groups []group) *Error {
	funcs := declaredFuncs(node)
	if len(funcs) == 0 {
		return nil
	}
	skip := map[string]bool{}
	for _, g := range groups {
		if g.kind == declGroup {
			if f, err := parser.ParseFile(token.NewFileSet(), "", "package main;"+g.text, parser.SkipObjectResolution); err == nil {
				for _, k := range declKeys(f) {
					skip[k] = true
				}
			}
		}
	}
	src, redone := s.checker.callersOf(funcs, skip)
	if src == "" {
		return nil
	}
	g := group{kind: declGroup, text: src, line: 1, col: 1}
	n, _, err := s.parseGroup(g, false, false)
	if err != nil {
		return compileError(code, err)
	}
	if _, _, e := s.run(ctx, code, n, false, g); e != nil {
		return e
	}
	s.stream("stderr", "note: "+strings.Join(redone, ", ")+" declared again to call the new definitions (function values taken before keep the old ones)\n")
	return nil
}
