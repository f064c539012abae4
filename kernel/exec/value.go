package exec

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"go/ast"
	"reflect"

	"github.com/gotrain/gotrain/kernel/display"
)

// renderFunc is the interpreted function a cell's last expression is passed
// to. It runs inside the interpreter because only there do type assertions
// see methods declared in cells (a value handed to compiled code loses
// them); compiled values are rendered by display.Render through the
// runtime package.
const renderFunc = "_gotrainValue"

const renderPrelude = `func ` + renderFunc + `(v any) map[string]any {
	b := ` + rtName + `.Render(v)
	if x, ok := v.(interface{ String() string }); ok {
		b["text/plain"] = x.String()
	}
	if x, ok := v.(error); ok {
		b["text/plain"] = x.Error()
	}
	if x, ok := v.(interface{ HTML() string }); ok {
		b["text/html"] = x.HTML()
	}
	if x, ok := v.(interface{ Markdown() string }); ok {
		b["text/markdown"] = x.Markdown()
	}
	if x, ok := v.(interface{ SVG() string }); ok {
		b["image/svg+xml"] = x.SVG()
	}
	if x, ok := v.(interface{ PNG() []byte }); ok {
		b["image/png"] = ` + rtName + `.Base64(x.PNG())
	}
	if x, ok := v.(interface{ JSON() []byte }); ok {
		` + rtName + `.SetJSON(b, x.JSON())
	}
	return b
}`

// rtRender renders a value handed over from the interpreter.
func rtRender(v any) map[string]any { return display.Render(v) }

// rtSetJSON stores raw JSON in a bundle when it is valid.
func rtSetJSON(b map[string]any, raw []byte) {
	var j any
	if err := json.Unmarshal(raw, &j); err == nil {
		b["application/json"] = j
	}
}

// rtBase64 encodes image bytes for a bundle.
func rtBase64(p []byte) string { return base64.StdEncoding.EncodeToString(p) }

// wrapValue makes the final expression statement of body a call of the
// render function, so that executing body yields the value's bundle.
func wrapValue(body *ast.BlockStmt) {
	es := body.List[len(body.List)-1].(*ast.ExprStmt)
	pos := es.X.Pos()
	es.X = &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: renderFunc}, Lparen: pos, Args: []ast.Expr{es.X}, Rparen: es.X.End()}
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

var _ = fmt.Sprint
