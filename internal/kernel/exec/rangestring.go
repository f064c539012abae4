package exec

import (
	"go/ast"
	"go/token"
	"go/types"
	"unicode/utf8"
)

// Ranges over strings with a value variable.
//
// yaegi v0.16.1 advances such a range by the length of the rune it
// decoded, not by the bytes it read: an invalid byte (decoded as
// U+FFFD, three bytes long) moves the index on by three, skipping what
// follows — the Go blog's "\xbd\xb2\x3d\xbc\x20\xe2\x8c\x98" printed 0,
// 3, 6, 7, 10, 11 where Go prints 0 to 5 — and `for i, r = range s`
// left i and r zero after the loop. The checker marks every range over
// a string (or a type whose underlying type is string) with a value
// variable, and the rewriter makes it
//
//	{ s := X; for i := 0; i < len(s); {
//		r, w := rune(s[i]), 1; if r >= 0x80 { r, w = rt.DecodeRune(string(s), i) }
//		K, V := i, r; i += w; { body } } }
//
// (K, V = i, r for a range with =), which decodes as Go does; ASCII
// costs no compiled call.

// stringRanges marks, by position, the range operands of the cell that
// are strings ranged with a value variable.
func (c *checker) stringRanges(f *ast.File, info *types.Info, marks map[token.Position]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || rs.Value == nil {
			return true
		}
		if id, ok := rs.Value.(*ast.Ident); ok && id.Name == "_" {
			return true
		}
		p := c.fset.Position(rs.X.Pos())
		if p.Filename != cellFile {
			return true
		}
		if t := info.TypeOf(rs.X); t != nil {
			if b, ok := types.Unalias(t).Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				marks[key(p)] = true
			}
		}
		return true
	})
}

// stringRange rewrites a range over a string as the comment at the top
// of this file shows. The result is a block of two statements, the loop
// second, as a labelled range needs (see rewriter.stmt).
func (r *rewriter) stringRange(x *ast.RangeStmt) ast.Stmt {
	pos := x.For
	str, at, ru, width := r.fresh(pos, "s"), r.fresh(pos, "i"), r.fresh(pos, "r"), r.fresh(pos, "w")
	call := func(name string, args ...ast.Expr) *ast.CallExpr {
		return &ast.CallExpr{Fun: &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: name}}, Args: args, Lparen: pos, Rparen: pos}
	}
	asString := &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "string"}, Args: []ast.Expr{ident(str)}, Lparen: pos, Rparen: pos}
	// ASCII is decoded inline; the rest by a compiled call.
	body := []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{ident(ru), ident(width)}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{
			&ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "rune"}, Args: []ast.Expr{&ast.IndexExpr{X: ident(str), Lbrack: pos, Index: ident(at), Rbrack: pos}}, Lparen: pos, Rparen: pos},
			&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "1"}}},
		&ast.IfStmt{If: pos,
			Cond: &ast.BinaryExpr{X: ident(ru), Op: token.GEQ, OpPos: pos, Y: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0x80"}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{ident(ru), ident(width)}, Tok: token.ASSIGN, TokPos: pos,
				Rhs: []ast.Expr{call("DecodeRune", asString, ident(at))}}}, Rbrace: pos}},
	}
	var lhs, rhs []ast.Expr
	if k, ok := x.Key.(*ast.Ident); x.Key != nil && !(ok && k.Name == "_") {
		lhs, rhs = append(lhs, x.Key), append(rhs, ident(at))
	}
	lhs, rhs = append(lhs, x.Value), append(rhs, ident(ru))
	tok := token.DEFINE
	if x.Tok == token.ASSIGN {
		tok = token.ASSIGN
	}
	body = append(body,
		&ast.AssignStmt{Lhs: lhs, Tok: tok, TokPos: pos, Rhs: rhs},
		&ast.AssignStmt{Lhs: []ast.Expr{ident(at)}, Tok: token.ADD_ASSIGN, TokPos: pos, Rhs: []ast.Expr{ident(width)}},
		x.Body)
	loop := &ast.ForStmt{
		For:  pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{at}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}}},
		Cond: &ast.BinaryExpr{X: ident(at), Op: token.LSS, OpPos: pos, Y: &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "len"}, Args: []ast.Expr{ident(str)}, Lparen: pos, Rparen: pos}},
		Body: &ast.BlockStmt{Lbrace: x.Body.Lbrace, List: body, Rbrace: x.Body.Rbrace},
	}
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{str}, Tok: token.DEFINE, TokPos: pos, Rhs: []ast.Expr{x.X}},
		loop,
	}, Rbrace: x.Body.Rbrace}
}

// rtDecodeRune is rt.DecodeRune: the rune at byte i of s and its width
// in bytes, as a range over s decodes it.
func rtDecodeRune(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }
