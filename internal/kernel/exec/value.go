package exec

import (
	"encoding/base64"
	"encoding/json"
	"go/ast"
	"go/token"
	"reflect"

	"github.com/gotrain/gotrain/kernel/display"
)

// A cell's last expression e becomes `valueVar := e` followed by
// `rt.Value(valueVar, richFunc(valueVar))`. The rich forms are found by
// type assertions inside the interpreter, because only there do they see
// methods declared in cells (a value handed to compiled code loses them).
// yaegi v0.16.1 handles few assertion shapes: one small function per
// interface in the `if x, ok := v.(I); ok` form, which is the one that
// works, and compiled code called at top level, not from an interpreted
// function's `any` parameter.
const (
	valueVar = "_gotrain_value"
	richFunc = "_gotrainRich"
)

const renderPrelude = `import _gotrain_display "github.com/gotrain/gotrain/kernel/display"
import _gotrain_fmt "fmt"
func ` + enterFunc + `() { ` + rtName + `.Enter() }
func ` + leaveFunc + `() { ` + rtName + `.Leave() }
func _gotrainString(v any) string { if x, ok := v.(_gotrain_fmt.Stringer); ok { return x.String() }; return "" }
func _gotrainError(v any) string { if x, ok := v.(error); ok { return x.Error() }; return "" }
func _gotrainHTML(v any) string { if x, ok := v.(_gotrain_display.HTMLer); ok { return x.HTML() }; return "" }
func _gotrainMarkdown(v any) string { if x, ok := v.(_gotrain_display.Markdowner); ok { return x.Markdown() }; return "" }
func _gotrainSVG(v any) string { if x, ok := v.(_gotrain_display.SVGer); ok { return x.SVG() }; return "" }
func _gotrainPNG(v any) []byte { if x, ok := v.(_gotrain_display.PNGer); ok { return x.PNG() }; return nil }
func _gotrainJSON(v any) []byte { if x, ok := v.(_gotrain_display.JSONer); ok { return x.JSON() }; return nil }
func ` + richFunc + `(v any) map[string]string {
	if v == nil { return nil }
	return map[string]string{
		"text/plain+string": _gotrainString(v),
		"text/plain+error":  _gotrainError(v),
		"text/html":         _gotrainHTML(v),
		"text/markdown":     _gotrainMarkdown(v),
		"image/svg+xml":     _gotrainSVG(v),
		"image/png":         ` + rtName + `.Base64(_gotrainPNG(v)),
		"application/json":  string(_gotrainJSON(v)),
	}
}`

// rtValue renders the value of a cell: display.Render for what compiled
// code can see, overlaid with the rich forms found in the interpreter.
//
// A nil interface value (a call returning a nil error, say) shows nothing,
// as None does in ipykernel: `f.Close()` succeeding is not news. A display
// handle shows nothing either: the call that made it already displayed its
// value.
func rtValue(v any, rich map[string]string) map[string]any {
	if v == nil {
		return nil
	}
	if _, ok := v.(*display.Handle); ok {
		return nil
	}
	b := display.Render(v)
	if t := rich["text/plain+error"]; t != "" {
		b["text/plain"] = t
	}
	if t := rich["text/plain+string"]; t != "" {
		b["text/plain"] = t
	}
	for _, k := range []string{"text/html", "text/markdown", "image/svg+xml", "image/png"} {
		if t := rich[k]; t != "" {
			b[k] = t
		}
	}
	if t := rich["application/json"]; t != "" {
		rtSetJSON(b, []byte(t))
	}
	return b
}

// rtSetJSON stores raw JSON in a bundle when it is valid.
func rtSetJSON(b map[string]any, raw []byte) {
	var j any
	if err := json.Unmarshal(raw, &j); err == nil {
		b["application/json"] = j
	}
}

// rtBase64 encodes image bytes for a bundle.
func rtBase64(p []byte) string { return base64.StdEncoding.EncodeToString(p) }

// wrapValue replaces the final expression statement `e` of body with
// `valueVar := e; rt.Value(valueVar, richFunc(valueVar))`, so that
// executing body yields the value's bundle.
func wrapValue(body *ast.BlockStmt) {
	last := len(body.List) - 1
	es := body.List[last].(*ast.ExprStmt)
	pos := es.X.Pos()
	id := func() *ast.Ident { return &ast.Ident{NamePos: pos, Name: valueVar} }
	assign := &ast.AssignStmt{Lhs: []ast.Expr{id()}, Tok: token.DEFINE, Rhs: []ast.Expr{es.X}, TokPos: pos}
	call := &ast.ExprStmt{X: &ast.CallExpr{
		Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: rtName}, Sel: &ast.Ident{NamePos: pos, Name: "Value"}},
		Lparen: pos,
		Args:   []ast.Expr{id(), &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: richFunc}, Lparen: pos, Args: []ast.Expr{id()}, Rparen: pos}},
		Rparen: pos,
	}}
	body.List = append(body.List[:last], assign, call)
}

// valueBundle converts what the render function returned into a bundle.
func (s *Session) valueBundle(v reflect.Value) MIMEBundle {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if m, ok := v.Interface().(map[string]any); ok {
		return MIMEBundle(m)
	}
	return MIMEBundle(display.Render(v.Interface()))
}
