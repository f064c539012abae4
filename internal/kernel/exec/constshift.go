package exec

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Shifted float constants in cells. yaegi v0.16.1 cannot evaluate a
// shift whose constant result has a float type, as in Effective Go's
//
//	type ByteSize float64
//	const (
//		_           = iota
//		KB ByteSize = 1 << (10 * iota)
//		MB
//	)
//
// ("constant definition loop"). Nor can it repeat a spec of two or more
// names (`A, B = iota, iota * 2` then `C, D`: the same error). And a
// constant of a written type whose value is an expression of untyped
// operands (`Transfer Kind = iota + 1`) gets their default type (int),
// so it compares unequal to a Kind holding its value. The checker knows
// every constant's value, so such a spec is written with its values
// instead: `KB ByteSize = 1024`, `MB ByteSize = 1048576`, `C, D = 1, 2`,
// `Transfer Kind = 3`.

// constSpec is a const spec's replacement: its type and values.
type constSpec struct {
	typ  string
	vals []string
}

// shiftedConsts records the const specs of the cell whose values have a
// float or complex type and come from a shift, and those repeating a
// spec of two or more names.
func (c *checker) shiftedConsts(f *ast.File, info *types.Info, e stdEdits, typeList func([]types.Type) (string, bool)) {
	ast.Inspect(f, func(n ast.Node) bool {
		d, ok := n.(*ast.GenDecl)
		if !ok || d.Tok != token.CONST {
			return true
		}
		var last []ast.Expr   // the values an implicit spec repeats
		var lastType ast.Expr // and their written type
		for _, s := range d.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				last, lastType = vs.Values, vs.Type
			}
			repeatsMany := len(vs.Values) == 0 && len(last) > 1
			typedExpr := lastType != nil && computed(last)
			if !shifts(last) && !repeatsMany && !typedExpr {
				continue
			}
			p := c.fset.Position(vs.Names[0].Pos())
			if p.Filename != cellFile {
				continue
			}
			if spec, ok := constValues(vs, info, typeList, repeatsMany || typedExpr); ok {
				e.consts[key(p)] = spec
			}
		}
		return false
	})
}

// constValues writes the values of a const spec whose type is a float or
// a complex type (or, with anyBasic, any basic type but an untyped rune);
// false for any other spec.
func constValues(vs *ast.ValueSpec, info *types.Info, typeList func([]types.Type) (string, bool), anyBasic bool) (constSpec, bool) {
	var spec constSpec
	for _, name := range vs.Names {
		c, ok := info.Defs[name].(*types.Const)
		if !ok {
			return spec, false
		}
		b, ok := c.Type().Underlying().(*types.Basic)
		if !ok {
			return spec, false
		}
		if anyBasic {
			if c.Val().Kind() == constant.Unknown {
				return spec, false
			}
		} else if b.Info()&(types.IsFloat|types.IsComplex) == 0 || c.Val().Kind() != constant.Int && c.Val().Kind() != constant.Float {
			return spec, false
		}
		t, ok := typeList([]types.Type{c.Type()})
		untyped := b.Info()&types.IsUntyped != 0
		if !ok || spec.typ != "" && spec.typ != t && !untyped {
			return spec, false
		}
		spec.typ = t
		v := c.Val().ExactString()
		if c.Val().Kind() != constant.String && strings.Contains(v, "/") {
			f, exact := constant.Float64Val(c.Val())
			if !anyBasic || !exact {
				return spec, false // a fraction: not a literal
			}
			v = strconv.FormatFloat(f, 'g', -1, 64)
		}
		switch b.Kind() {
		case types.UntypedFloat:
			if !strings.ContainsAny(v, ".eE") {
				v += ".0" // stays an untyped float
			}
		case types.UntypedRune:
			r, exact := constant.Int64Val(c.Val())
			if !exact {
				return spec, false
			}
			v = strconv.QuoteRune(rune(r)) // stays an untyped rune
		}
		spec.vals = append(spec.vals, v)
	}
	if b, ok := info.Defs[vs.Names[0]].Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		spec.typ = "" // an untyped constant stays untyped
	}
	return spec, true
}

// computed reports whether an expression of list is more than a literal
// or a name: yaegi v0.16.1 gives such a constant of a written type
// (`Transfer Kind = iota + 1`, `N Kind = 2 * 3`, a float's `1.5 * 2`)
// the default type of its untyped operands instead, so `k == Transfer`
// was false for a `k` of that type holding the value.
func computed(list []ast.Expr) bool {
	for _, x := range list {
		switch ast.Unparen(x).(type) {
		case *ast.BasicLit, *ast.Ident:
		default:
			return true
		}
	}
	return false
}

// shifts reports whether an expression of list shifts.
func shifts(list []ast.Expr) bool {
	found := false
	for _, x := range list {
		ast.Inspect(x, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.SHL || b.Op == token.SHR) {
				found = true
			}
			return !found
		})
	}
	return found
}

// replaceConsts writes the recorded values into the const specs of n.
func replaceConsts(n ast.Node, fset *token.FileSet, consts map[token.Position]constSpec) {
	if len(consts) == 0 {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok {
			return true
		}
		spec, ok := consts[key(fset.Position(vs.Names[0].Pos()))]
		if !ok {
			return true
		}
		pos := vs.Names[0].Pos()
		vs.Type = nil
		if spec.typ != "" {
			vs.Type = parseExpr(fset, spec.typ, pos)
		}
		vs.Values = nil
		for _, v := range spec.vals {
			vs.Values = append(vs.Values, parseExpr(fset, v, pos))
		}
		return false
	})
}
