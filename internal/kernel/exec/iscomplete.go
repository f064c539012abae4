package exec

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete says whether code is "complete", "incomplete" (with the indent
// for the next line: one tab per open bracket), "invalid" or "unknown".
// Magic and shell cells are complete.
func (s *Session) IsComplete(code string) (status, indent string) {
	t := strings.TrimSpace(code)
	if t == "" {
		return "complete", ""
	}
	if strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
		return "complete", ""
	}
	fset := token.NewFileSet()
	file := fset.AddFile(cellFile, -1, len(code))
	var errs scanner.ErrorList
	var sc scanner.Scanner
	sc.Init(file, []byte(code), func(p token.Position, msg string) { errs.Add(p, msg) }, scanner.ScanComments)
	depth := 0
	var last token.Token
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth < 0 {
				return "invalid", ""
			}
		}
		if tok == token.COMMENT || (tok == token.SEMICOLON && lit == "\n") {
			continue
		}
		last = tok
	}
	for _, e := range errs {
		switch {
		case strings.Contains(e.Msg, "raw string literal not terminated"), strings.Contains(e.Msg, "comment not terminated"):
			return "incomplete", ""
		default:
			return "invalid", ""
		}
	}
	if depth > 0 {
		return "incomplete", strings.Repeat("\t", depth)
	}
	if continues(last) {
		return "incomplete", ""
	}
	for _, g := range splitCell(code) {
		if _, err := parser.ParseFile(token.NewFileSet(), cellFile, groupSource(g), 0); err != nil {
			return "invalid", ""
		}
	}
	return "complete", ""
}

// continues reports whether a line ending in tok must go on (a binary
// operator, a comma, a dot, an assignment).
func continues(tok token.Token) bool {
	switch {
	case tok.IsOperator() && tok != token.RPAREN && tok != token.RBRACK && tok != token.RBRACE &&
		tok != token.INC && tok != token.DEC && tok != token.SEMICOLON:
		return true
	}
	return false
}

// groupSource is the Go file a group is parsed as.
func groupSource(g group) string {
	if g.kind == stmtGroup {
		return "package main;func main(){" + lineDirective(g) + g.text + "\n}"
	}
	return "package main;" + lineDirective(g) + g.text
}
