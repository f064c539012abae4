package exec

import (
	"go/scanner"
	"go/token"
)

// groupKind says how a run of a cell's top-level items is evaluated.
type groupKind int

const (
	importGroup   groupKind = iota // import declarations
	declGroup                      // const, var, type and func declarations
	stmtGroup                      // statements, run in the global scope
	packageClause                  // `package main`: dropped, a cell is always package main
)

// group is a run of consecutive top-level items of one kind, in the cell's
// own text, with its position in the cell (1-based line and byte column).
type group struct {
	kind      groupKind
	text      string
	line, col int
}

// cellFile is the file name positions in cells are reported with.
const cellFile = "cell"

// item is one top-level declaration or statement found by splitCell.
type item struct {
	kind       groupKind
	start, end int // byte offsets in the cell
}

// splitCell cuts a cell into groups: yaegi cannot evaluate declarations and
// statements in one go, so a cell mixing them is evaluated run by run, in
// order. It only scans tokens; syntax errors are left to the parser, which
// reports them at their place in the cell.
func splitCell(code string) []group {
	fset := token.NewFileSet()
	file := fset.AddFile(cellFile, -1, len(code))
	var sc scanner.Scanner
	sc.Init(file, []byte(code), func(token.Position, string) {}, 0)

	type tok struct {
		pos token.Pos
		tok token.Token
		end int
	}
	var items []item
	var cur []tok
	depth := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		start := file.Offset(cur[0].pos)
		end := cur[len(cur)-1].end
		items = append(items, item{kind: classify(cur, func(i int) token.Token { return cur[i].tok }), start: start, end: end})
		cur = cur[:0]
	}
	for {
		pos, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if depth > 0 {
				depth--
			}
		}
		if t == token.SEMICOLON && depth == 0 {
			flush()
			continue
		}
		n := len(lit)
		if n == 0 {
			n = len(t.String())
		}
		end := file.Offset(pos) + n
		if end > len(code) {
			end = len(code)
		}
		cur = append(cur, tok{pos: pos, tok: t, end: end})
	}
	flush()
	return mergeItems(code, file, items)
}

// classify decides whether the tokens of one top-level item start an
// import, a declaration, or a statement. `func name(` and `func (recv)
// name(` are declarations; other `func` items are function literals.
func classify[T any](toks []T, at func(int) token.Token) groupKind {
	switch at(0) {
	case token.PACKAGE:
		return packageClause
	case token.IMPORT:
		return importGroup
	case token.CONST, token.TYPE, token.VAR:
		return declGroup
	case token.FUNC:
		if len(toks) > 1 && at(1) == token.IDENT {
			return declGroup
		}
		if len(toks) > 1 && at(1) == token.LPAREN {
			depth := 0
			for i := 1; i < len(toks); i++ {
				switch at(i) {
				case token.LPAREN:
					depth++
				case token.RPAREN:
					depth--
				}
				if depth == 0 {
					if i+2 < len(toks) && at(i+1) == token.IDENT && at(i+2) == token.LPAREN {
						return declGroup
					}
					return stmtGroup
				}
			}
		}
	}
	return stmtGroup
}

// mergeItems joins consecutive items of one kind into groups.
func mergeItems(code string, file *token.File, items []item) []group {
	var out []group
	for i := 0; i < len(items); {
		j := i
		for j+1 < len(items) && items[j+1].kind == items[i].kind {
			j++
		}
		p := file.Position(file.Pos(items[i].start))
		if items[i].kind == packageClause {
			i = j + 1
			continue
		}
		out = append(out, group{kind: items[i].kind, text: code[items[i].start:items[j].end], line: p.Line, col: p.Column})
		i = j + 1
	}
	return out
}
