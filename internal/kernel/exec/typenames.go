package exec

import (
	"fmt"
	"go/ast"
	"sort"
	"strings"
)

// Redefining a type. yaegi v0.16.1 keeps a type name's first definition
// for good: a later `type P struct{ N, M int }` compiles but P keeps its
// old fields, and re-declaring it under an alias loops ("variable
// definition loop"). A type declared under a new name works, methods and
// all. So a cell that defines a type again with a different body declares
// it under a fresh internal name (P → P_gotrain2), and from then on every
// cell's identifiers P are renamed to it before compiling; errors say P
// again. What a new interpreter replaying earlier cells would give (values
// computed again) is not possible: replaying statements repeats their
// effects (training, files, workers). Limits: values made before keep the
// old P, and functions and methods declared before still take and return
// it (run their cells again); a struct embedding P gets a field named after
// the internal name.

// noteTypeDecl records a top-level type declaration of name with body src
// and returns whether it redefines the type (a new internal name was
// chosen); stateMu is held. The change is undone if the cell fails
// (see takeUndo).
func (s *Session) noteTypeDecl(name, src string) bool {
	prev, defined := s.types[name]
	force := s.redeclare[name]
	if force {
		s.redeclare[name] = false // done: the type's methods follow (methodredef.go)
	}
	if defined && prev == src && !force {
		return false
	}
	oldInternal, hadInternal := s.typeNames[name]
	s.types[name] = src
	if !defined {
		return false
	}
	if s.typeNames == nil {
		s.typeNames = map[string]string{}
	}
	s.typeGen++
	s.typeNames[name] = fmt.Sprintf("%s_gotrain%d", name, s.typeGen)
	s.undo = append(s.undo, func() {
		s.types[name] = prev
		if hadInternal {
			s.typeNames[name] = oldInternal
		} else {
			delete(s.typeNames, name)
		}
	})
	return true
}

// takeUndo returns a func undoing the type redefinitions noted since the
// last call.
func (s *Session) takeUndo() func() {
	s.stateMu.Lock()
	undo := s.undo
	s.undo = nil
	s.stateMu.Unlock()
	return func() {
		s.stateMu.Lock()
		defer s.stateMu.Unlock()
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
}

// typeRenames returns a copy of the redefined types' internal names, and
// main's (mainfunc.go).
func (s *Session) typeRenames() map[string]string {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	out := make(map[string]string, len(s.typeNames)+1)
	out["main"] = mainName // see mainfunc.go
	for k, v := range s.typeNames {
		out[k] = v
	}
	return out
}

// renameTypes renames, in place, the identifiers of n that may name a
// redefined type: every identifier except selectors (x.P), struct field
// and interface method names, keys of composite literals ({P: 1}), func
// names and labels. A local variable named like the type is renamed
// consistently, which changes nothing.
func renameTypes(n ast.Node, names map[string]string) {
	if len(names) == 0 || n == nil {
		return
	}
	keep := map[*ast.Ident]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			keep[x.Sel] = true
		case *ast.StructType:
			for _, f := range x.Fields.List {
				for _, id := range f.Names {
					keep[id] = true
				}
			}
		case *ast.InterfaceType:
			for _, f := range x.Methods.List {
				for _, id := range f.Names {
					keep[id] = true
				}
			}
		case *ast.CompositeLit:
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						keep[id] = true
					}
				}
			}
		case *ast.File:
			keep[x.Name] = true // the package name
		case *ast.FuncDecl:
			keep[x.Name] = true
		case *ast.LabeledStmt:
			keep[x.Label] = true
		case *ast.BranchStmt:
			if x.Label != nil {
				keep[x.Label] = true
			}
		}
		return true
	})
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !keep[id] {
			if to, ok := names[id.Name]; ok {
				id.Name = to
			}
		}
		return true
	})
}

// unrenameError puts the user's type names back into an error's text.
func (s *Session) unrenameError(e *Error) *Error {
	names := s.typeRenames()
	if e == nil || len(names) == 0 {
		return e
	}
	pairs := make([]string, 0, 2*len(names))
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		pairs = append(pairs, names[k], k)
	}
	r := strings.NewReplacer(pairs...)
	out := &Error{Name: e.Name, Value: r.Replace(e.Value)}
	for _, l := range e.Traceback {
		out.Traceback = append(out.Traceback, r.Replace(l))
	}
	return out
}
