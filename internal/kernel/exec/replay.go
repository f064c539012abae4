package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
)

// Switching executors (the compile route of a third-party import, see
// compile.go): a package the interpreter cannot load is built into a new
// executor program, and the session's supervisor restarts the session in
// it. Values cannot cross processes, so the session keeps, cell by cell,
// the groups that can be run again without changing their meaning —
// imports, and declarations (types, funcs, consts, vars) whose
// initialisers are pure expressions — and tracks which variables later
// statements may have changed. The supervisor replays the groups in the
// new executor and tells the user which names were kept and which lost:
// a variable defined or changed by statements is lost (a replayed one is
// back at its declared value); so is everything a group that cannot be
// replayed (one with calls in a var initialiser, or a func main) defined.
//
// What is not tracked: a cell function that changes a variable through a
// pointer or a method is not noticed unless a statement assigns the
// variable, passes it, or calls its methods; its variables declared with
// pure values of a non-basic type that a statement passes anywhere are
// counted lost.

// Switch asks the session's supervisor to continue the session in
// another executor program, then to run the cell again.
type Switch struct {
	// Binary is the executor program to run.
	Binary string
	// Route is the line telling the user which package took the compile
	// route ("path version").
	Route string
	// Replay are the groups to run again, in order, before the cell.
	Replay []string
	// Kept and Lost name what earlier cells defined: kept by the replay,
	// or lost (Lost names a replayed variable "x (reset)").
	Kept, Lost []string
}

// replayState is what a session keeps for a switch.
type replayState struct {
	groups  []string        // replayable groups, in order
	names   map[string]bool // names the replayable groups define
	basic   map[string]bool // replayable vars of a basic value (copied when passed)
	changed map[string]bool // vars statements may have changed since
	pending *Switch         // set by the compile route for the cell's result
}

// noteReplay records a group that ran successfully.
func (s *Session) noteReplay(g group) {
	rs := &s.replay
	if rs.names == nil {
		rs.names, rs.basic, rs.changed = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	switch g.kind {
	case importGroup:
		rs.groups = append(rs.groups, g.text)
	case declGroup:
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main;"+g.text, 0)
		if err != nil || !pureDecls(f) {
			return
		}
		rs.groups = append(rs.groups, g.text)
		defer s.noteChanges(f) // what its functions assign, once called
		for _, d := range f.Decls {
			switch x := d.(type) {
			case *ast.FuncDecl:
				if x.Recv == nil {
					rs.names[x.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, sp := range x.Specs {
					switch y := sp.(type) {
					case *ast.TypeSpec:
						rs.names[y.Name.Name] = true
					case *ast.ValueSpec:
						for i, n := range y.Names {
							rs.names[n.Name] = true
							delete(rs.changed, n.Name)
							rs.basic[n.Name] = x.Tok == token.CONST || (i < len(y.Values) && basicValue(y.Values[i])) || (len(y.Values) == 0 && basicType(y.Type))
						}
					}
				}
			}
		}
	default:
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main;func main(){"+g.text+"\n}", 0)
		if err != nil {
			return
		}
		s.noteChanges(f)
	}
}

// noteChanges marks the variables a statement group may have changed:
// assigned, incremented, its address taken, or (unless a basic value)
// passed to a call or used as a method receiver.
func (s *Session) noteChanges(n ast.Node) {
	rs := &s.replay
	mark := func(e ast.Expr, always bool) {
		if id := rootIdent(e); id != nil && (always || !rs.basic[id.Name]) {
			rs.changed[id.Name] = true
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				mark(l, true)
			}
		case *ast.IncDecStmt:
			mark(x.X, true)
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				mark(x.X, true)
			}
		case *ast.RangeStmt:
			mark(x.Key, true)
			if x.Value != nil {
				mark(x.Value, true)
			}
		case *ast.CallExpr:
			for _, a := range x.Args {
				mark(a, false)
			}
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
				mark(sel.X, false)
			}
		}
		return true
	})
}

// rootIdent is the variable an expression like x, x.f, x[i] or *x is
// rooted at; nil for other expressions.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// pureDecls reports whether replaying a declaration group means the same
// as running it first: no func main (which runs), every var initialised
// by a pure expression (replayed, a call could give another value).
func pureDecls(f *ast.File) bool {
	for _, d := range f.Decls {
		switch x := d.(type) {
		case *ast.FuncDecl:
			if x.Recv == nil && x.Name.Name == "main" {
				return false
			}
			// A function that assigns a variable may change it when
			// called: its targets count as changed from then on.
		case *ast.GenDecl:
			if x.Tok != token.VAR {
				continue
			}
			for _, sp := range x.Specs {
				for _, v := range sp.(*ast.ValueSpec).Values {
					if !pureExpr(v) {
						return false
					}
				}
			}
		}
	}
	return true
}

// pureExpr reports whether e is made of literals, function literals and
// operators only.
func pureExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.Ident:
		return x.Name == "true" || x.Name == "false" || x.Name == "nil"
	case *ast.ParenExpr:
		return pureExpr(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && pureExpr(x.X)
	case *ast.BinaryExpr:
		return pureExpr(x.X) && pureExpr(x.Y)
	case *ast.KeyValueExpr:
		return pureExpr(x.Key) && pureExpr(x.Value)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if !pureExpr(el) {
				return false
			}
		}
		return true
	}
	return false
}

// basicValue reports whether a pure initialiser is a number, string or
// boolean (copied when passed, so passing it changes nothing).
func basicValue(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return x.Name == "true" || x.Name == "false"
	case *ast.ParenExpr:
		return basicValue(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.AND && basicValue(x.X)
	case *ast.BinaryExpr:
		return basicValue(x.X) && basicValue(x.Y)
	}
	return false
}

// basicType reports whether a type expression names a basic type.
func basicType(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	switch id.Name {
	case "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune":
		return true
	}
	return false
}

// switchTo prepares the result asking the supervisor to switch to binary:
// the groups to replay and what is kept and lost.
func (s *Session) switchTo(binary, route string) *Switch {
	rs := &s.replay
	sw := &Switch{Binary: binary, Route: route, Replay: append([]string(nil), rs.groups...)}
	names, _ := s.definitions()
	for _, n := range names {
		switch {
		case !rs.names[n]:
			sw.Lost = append(sw.Lost, n)
		case rs.changed[n]:
			sw.Lost = append(sw.Lost, n+" (reset)")
		default:
			sw.Kept = append(sw.Kept, n)
		}
	}
	sort.Strings(sw.Kept)
	return sw
}
