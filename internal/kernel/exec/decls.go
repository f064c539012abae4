package exec

import (
	"go/ast"
	"go/printer"
	"go/token"
	"reflect"
	"sort"
	"strings"
)

// noteDecls records the names a declaration group defines, notes types
// defined again (typenames.go), and warns on the cell's stderr about
// methods defined again: yaegi keeps the first definition of a method and
// silently ignores later ones.
func (s *Session) noteDecls(f *ast.File) {
	s.stateMu.Lock()
	var warn, typeNote []string
	// Types this group declares with another body: their methods come
	// with the new type (typenames.go gives it a fresh internal name).
	newBody := map[string]bool{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				if prev, ok := s.types[ts.Name.Name]; ok && prev != nodeText(ts.Type) {
					newBody[ts.Name.Name] = true
				}
			}
		}
	}
	for _, d := range f.Decls {
		switch x := d.(type) {
		case *ast.FuncDecl:
			if x.Recv == nil || len(x.Recv.List) == 0 {
				s.define(x.Name.Name, "func")
				s.results[x.Name.Name] = x.Type.Results.NumFields()
				continue
			}
			key := recvType(x.Recv.List[0].Type) + "." + x.Name.Name
			src := nodeText(x)
			if _, ok := s.redeclare[recvType(x.Recv.List[0].Type)]; ok || newBody[recvType(x.Recv.List[0].Type)] {
				s.methods[key] = src // the type is declared again with it
				continue
			}
			if prev, ok := s.methods[key]; ok && prev != src {
				warn = append(warn, key)
			}
			if _, ok := s.methods[key]; !ok {
				s.methods[key] = src
			}
		case *ast.GenDecl:
			for _, sp := range x.Specs {
				switch y := sp.(type) {
				case *ast.TypeSpec:
					if _, forced := s.redeclare[y.Name.Name]; s.noteTypeDecl(y.Name.Name, nodeText(y.Type)) && !forced {
						typeNote = append(typeNote, y.Name.Name)
					}
					s.define(y.Name.Name, "type")
				case *ast.ValueSpec:
					for _, n := range y.Names {
						s.define(n.Name, x.Tok.String())
						s.noteType(n.Name, typeName(y.Type))
					}
				}
			}
		}
	}
	s.stateMu.Unlock()
	for _, m := range warn {
		s.stream("stderr", "warning: method "+m+" was already defined; the interpreter keeps the first definition and ignores this one (restart the kernel to change it)\n")
	}
	for _, t := range typeNote {
		s.stream("stderr", "note: type "+t+" is redefined; values, functions and methods declared before this cell keep the old "+t+" (run their cells again to use the new one)\n")
	}
}

// noteDefines records the variables a statement group defines at top level.
func (s *Session) noteDefines(body *ast.BlockStmt) {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	for _, st := range body.List {
		switch x := st.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for i, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						s.define(id.Name, "var")
						if len(x.Rhs) == len(x.Lhs) {
							s.noteType(id.Name, litType(x.Rhs[i]))
						}
					}
				}
			}
		case *ast.DeclStmt:
			if gd, ok := x.Decl.(*ast.GenDecl); ok {
				for _, sp := range gd.Specs {
					switch y := sp.(type) {
					case *ast.ValueSpec:
						for _, n := range y.Names {
							s.define(n.Name, gd.Tok.String())
							s.noteType(n.Name, typeName(y.Type))
						}
					case *ast.TypeSpec:
						s.define(y.Name.Name, "type")
					}
				}
			}
		}
	}
}

// define records a name; stateMu must be held.
func (s *Session) define(name, kind string) {
	if s.defs == nil {
		s.defs = map[string]string{}
	}
	if name != "_" {
		s.defs[name] = kind
	}
}

// definitions returns the names cells defined, sorted, with their kinds.
func (s *Session) definitions() (names []string, kinds map[string]string) {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	kinds = map[string]string{}
	for n, k := range s.defs {
		names = append(names, n)
		kinds[n] = k
	}
	sort.Strings(names)
	return names, kinds
}

// recvType names a method receiver's type, without pointer or type
// parameters.
func recvType(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return recvType(x.X)
	case *ast.ParenExpr:
		return recvType(x.X)
	case *ast.IndexExpr:
		return recvType(x.X)
	case *ast.IndexListExpr:
		return recvType(x.X)
	case *ast.Ident:
		return x.Name
	}
	return "?"
}

// newRewriter returns a rewriter that knows the session's global integers.
func (s *Session) newRewriter() *rewriter {
	return &rewriter{isInt: s.isIntExpr, typed: s.typedRange, chanValues: s.chanRange, strValues: s.strRange, fset: s.interp.FileSet(), compiledPkg: s.compiledPkg, deferFacts: s.deferFact, resultDest: s.resultDest}
}

// typedRange returns the checker's answer for a range operand: whether it
// is an integer, and whether the checker typed it at all.
func (s *Session) typedRange(e ast.Expr) (bool, bool) {
	if s.std == nil || s.std.ints == nil {
		return false, false
	}
	isInt, ok := s.std.ints[key(s.interp.FileSet().Position(e.Pos()))]
	return isInt, ok
}

// strRange reports whether the checker found e, a range operand of the
// running cell with a value variable, to be a string (rangestring.go).
func (s *Session) strRange(e ast.Expr) bool {
	return s.std != nil && s.std.strs[key(s.interp.FileSet().Position(e.Pos()))]
}

// chanRange reports whether the checker found e, a range operand of the
// running cell, to hold channels (rangechan.go).
func (s *Session) chanRange(e ast.Expr) bool {
	return s.std != nil && s.std.chans[key(s.interp.FileSet().Position(e.Pos()))]
}

// intTypes are the conversions whose result is an integer.
var intTypes = map[string]bool{"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "byte": true, "rune": true}

// isIntExpr reports whether e is known, without type checking, to be an
// integer: an integer literal, len or cap, an integer conversion,
// arithmetic on such, or a global variable holding an integer.
func (s *Session) isIntExpr(e ast.Expr) bool {
	if isInt, ok := s.typedRange(e); ok {
		return isInt // the checker typed the cell
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.ParenExpr:
		return s.isIntExpr(x.X)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.SHL, token.SHR, token.AND, token.OR, token.XOR:
			return s.isIntExpr(x.X) || s.isIntExpr(x.Y)
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok {
			return id.Name == "len" || id.Name == "cap" || intTypes[id.Name]
		}
	case *ast.Ident:
		v, ok := s.globals()[x.Name]
		return ok && v.IsValid() && isIntKind(v.Kind())
	}
	return false
}

// globals returns the interpreter's global values, or nil when yaegi
// cannot list them (its Globals panics after some failed compilations).
func (s *Session) globals() (m map[string]reflect.Value) {
	defer func() {
		if r := recover(); r != nil {
			m = nil
		}
	}()
	return s.interp.Globals()
}

// nodeText prints a node without positions, to compare definitions.
func nodeText(n ast.Node) string {
	var b strings.Builder
	printer.Fprint(&b, token.NewFileSet(), n)
	return b.String()
}

// noteType records the type a cell spelled for a variable (or forgets an
// older one); stateMu must be held.
func (s *Session) noteType(name, typ string) {
	if s.varType == nil {
		s.varType = map[string]string{}
	}
	if typ == "" {
		delete(s.varType, name)
		return
	}
	s.varType[name] = typ
}

// typeName is the name of a named type expression (T or *T), or "".
func typeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.StarExpr:
		return typeName(x.X)
	}
	return ""
}

// litType is the type of T{…}, &T{…} or new(T), or "".
func litType(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.CompositeLit:
		return typeName(x.Type)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return litType(x.X)
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "new" && len(x.Args) == 1 {
			return typeName(x.Args[0])
		}
	}
	return ""
}
