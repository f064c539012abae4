package exec

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/gostd"
)

// Methods a cell struct promotes from an embedded field of a compiled
// type, or of an interface type declared in a cell. yaegi v0.16.1 builds a cell struct type without the methods Go
// promotes from its embedded fields of compiled types, and finds them
// itself only on some paths: `type logReader struct{ io.Reader; name
// string }` passed as an io.Reader to bufio.NewScanner failed ("method
// not found: Read"), `struct{ *bytes.Buffer }` passed as an io.Writer
// failed with a reflect error, `&counter{}` of a struct embedding
// strings.Builder was "cannot use type *main.counter as type io.Writer".
// The checker lists such promoted methods, and the cell declares each as
// a method of its own that calls the embedded field's, as Go's promotion
// does: `func (_gotrain_x logReader) Read(p []byte) (int, error) {
// return _gotrain_x.Reader.Read(p) }` (a pointer receiver for methods
// promoted to the pointer's method set only). String and Error are left
// to the fmt layer and the error conversions, which call them through
// method values that a declared forwarder broke (fmt printed "").
// A cell interface embedded in a cell struct (`type Service struct{
// Logger; name string }`) failed the same way: `s.Log(…)` panicked with
// "invalid interface value"; its methods get the same forwarders.

// promotedMethods records, by the position of a cell struct type's name,
// the source of the methods it promotes from embedded fields of compiled
// types and of cell interfaces.
func (c *checker) promotedMethods(f *ast.File, info *types.Info, out map[token.Position][]string, typeList func([]types.Type) (string, bool)) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			if ts.TypeParams != nil || ts.Assign.IsValid() {
				continue
			}
			p := c.fset.Position(ts.Name.Pos())
			if p.Filename != cellFile {
				continue
			}
			tn, ok := info.Defs[ts.Name].(*types.TypeName)
			if !ok {
				continue
			}
			if srcs := forwardingMethods(tn.Type(), ts.Name.Name, typeList); len(srcs) > 0 {
				out[key(p)] = srcs
			}
		}
	}
}

// forwardingMethods writes the methods named type t (called name)
// promotes from embedded fields of compiled types and of cell interfaces.
func forwardingMethods(t types.Type, name string, typeList func([]types.Type) (string, bool)) []string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	value := types.NewMethodSet(t)
	seen := map[string]bool{}
	for _, ms := range []*types.MethodSet{value, types.NewMethodSet(types.NewPointer(t))} {
		for i := 0; i < ms.Len(); i++ {
			sel := ms.At(i)
			fn, ok := sel.Obj().(*types.Func)
			if !ok || fn.Name() == "String" || fn.Name() == "Error" || seen[fn.Name()] || len(sel.Index()) < 2 || fn.Pkg() == nil {
				continue
			}
			if !compiledMethod(fn) && !cellInterfaceMethod(fn) {
				continue
			}
			seen[fn.Name()] = true
			path, ok := fieldPath(st, sel.Index()[:len(sel.Index())-1])
			if !ok {
				continue
			}
			recv := name
			if value.Lookup(fn.Pkg(), fn.Name()) == nil {
				recv = "*" + name
			}
			src, ok := forwardingMethod(recv, path, fn, typeList)
			if ok {
				out = append(out, src)
			}
		}
	}
	return out
}

// compiledMethod reports whether fn is an exported method of a compiled
// package's type.
func compiledMethod(fn *types.Func) bool {
	return fn.Exported() && fn.Pkg().Path() != "main" && !gostd.Whole(fn.Pkg().Path())
}

// cellInterfaceMethod reports whether fn is a method of an interface
// declared in a cell.
func cellInterfaceMethod(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	return fn.Pkg().Path() == "main" && recv != nil && types.IsInterface(recv.Type())
}

// fieldPath names the fields an index path of embedded fields goes
// through (".Reader", ".Inner.Buffer").
func fieldPath(st *types.Struct, index []int) (string, bool) {
	var b strings.Builder
	for k, i := range index {
		if st == nil || i >= st.NumFields() {
			return "", false
		}
		f := st.Field(i)
		b.WriteString("." + f.Name())
		if k == len(index)-1 {
			break
		}
		ft := f.Type()
		if p, ok := ft.Underlying().(*types.Pointer); ok {
			ft = p.Elem()
		}
		st, _ = ft.Underlying().(*types.Struct)
	}
	return b.String(), true
}

// forwardingMethod writes one forwarding method.
func forwardingMethod(recv, path string, fn *types.Func, typeList func([]types.Type) (string, bool)) (string, bool) {
	sig := fn.Type().(*types.Signature)
	var params, args []string
	for i := 0; i < sig.Params().Len(); i++ {
		pt := sig.Params().At(i).Type()
		arg := "_gotrain_a" + strconv.Itoa(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			s, ok := typeList([]types.Type{pt.(*types.Slice).Elem()})
			if !ok {
				return "", false
			}
			params = append(params, arg+" ..."+s)
			args = append(args, arg+"...")
			continue
		}
		s, ok := typeList([]types.Type{pt})
		if !ok {
			return "", false
		}
		params = append(params, arg+" "+s)
		args = append(args, arg)
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		s, ok := typeList([]types.Type{sig.Results().At(i).Type()})
		if !ok {
			return "", false
		}
		results = append(results, s)
	}
	call := "_gotrain_x" + path + "." + fn.Name() + "(" + strings.Join(args, ", ") + ")"
	body := call
	if len(results) > 0 {
		body = "return " + call
	}
	return "func (_gotrain_x " + recv + ") " + fn.Name() + "(" + strings.Join(params, ", ") + ") (" + strings.Join(results, ", ") + ") { " + body + " }", true
}

// addPromotedMethods declares, in a parsed declaration group, the
// methods promotedMethods listed for its types.
func addPromotedMethods(n ast.Node, fset *token.FileSet, methods map[token.Position][]string) {
	f, ok := n.(*ast.File)
	if !ok || len(methods) == 0 {
		return
	}
	var add []ast.Decl
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			for _, src := range methods[key(fset.Position(ts.Name.Pos()))] {
				mf, err := parser.ParseFile(fset, "", "package main;"+src, parser.SkipObjectResolution)
				if err != nil || len(mf.Decls) != 1 {
					continue
				}
				setPos(mf.Decls[0], ts.Name.Pos())
				add = append(add, mf.Decls[0])
			}
		}
	}
	f.Decls = append(f.Decls, add...)
}
