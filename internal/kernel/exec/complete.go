package exec

import (
	"go/token"
	"path"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// builtins are the predeclared names offered everywhere.
var builtins = []string{
	"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new",
	"panic", "print", "println", "real", "recover",
	"any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
	"int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"true", "false", "iota", "nil",
}

// Complete offers completions for code at cursorPos (code points): members
// after `pkg.` or `value.`, otherwise names from earlier cells, imported
// packages, keywords and builtins.
func (s *Session) Complete(code string, cursorPos int) CompleteResult {
	off := byteOffset(code, cursorPos)
	start := identStart(code, off)
	prefix := code[start:off]
	var cands []string
	if start > 0 && code[start-1] == '.' {
		qual := code[identStart(code, start-1):(start - 1)]
		cands = s.members(qual)
	} else {
		cands = s.topNames()
	}
	seen := map[string]bool{}
	var matches []string
	for _, c := range cands {
		if strings.HasPrefix(c, prefix) && !seen[c] && !strings.HasPrefix(c, "_") {
			seen[c] = true
			matches = append(matches, c)
		}
	}
	sort.Strings(matches)
	if matches == nil {
		matches = []string{}
	}
	n := utf8.RuneCountInString(prefix)
	return CompleteResult{Matches: matches, Start: cursorPos - n, End: cursorPos, Metadata: map[string]any{}}
}

// byteOffset converts a position in code points to a byte offset (clamped).
func byteOffset(code string, cursorPos int) int {
	if cursorPos <= 0 {
		return 0
	}
	i := 0
	for off := range code {
		if i == cursorPos {
			return off
		}
		i++
	}
	return len(code)
}

// identStart returns where the identifier ending at off begins.
func identStart(code string, off int) int {
	for off > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:off])
		if !isIdentRune(r) {
			break
		}
		off -= size
	}
	return off
}

// identEnd returns where the identifier starting at off ends.
func identEnd(code string, off int) int {
	for off < len(code) {
		r, size := utf8.DecodeRuneInString(code[off:])
		if !isIdentRune(r) {
			break
		}
		off += size
	}
	return off
}

func isIdentRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// topNames are the names valid at the start of an expression.
func (s *Session) topNames() []string {
	names, _ := s.definitions()
	s.stateMu.Lock()
	for _, n := range s.imports {
		names = append(names, n)
	}
	s.stateMu.Unlock()
	names = append(names, builtins...)
	for t := token.BREAK; t <= token.VAR; t++ {
		if t.IsKeyword() {
			names = append(names, t.String())
		}
	}
	return names
}

// packagePath resolves a name used before a dot to a package import path:
// an imported package, or else a package cells could import with that name.
func (s *Session) packagePath(name string) (string, bool) {
	s.stateMu.Lock()
	for p, n := range s.imports {
		if n == name {
			s.stateMu.Unlock()
			return p, true
		}
	}
	s.stateMu.Unlock()
	best := ""
	for p := range s.bin {
		if path.Base(p) == name && !strings.HasPrefix(p, splitPrefix) && (best == "" || len(p) < len(best)) {
			best = p
		}
	}
	return best, best != ""
}

// members lists what may follow `qual.`: a package's exported names, or a
// value's fields and methods.
func (s *Session) members(qual string) []string {
	if qual == "" {
		return nil
	}
	if p, ok := s.packagePath(qual); ok {
		var out []string
		for n := range s.bin[p] {
			out = append(out, n)
		}
		return append(out, s.sourceNames(p)...)
	}
	if out, ok := s.typedMembers(qual); ok {
		return out
	}
	out := s.cellMethods(qual)
	if v, ok := s.globalValue(qual); ok {
		out = append(out, typeMembers(v.Type())...)
	}
	return out
}

// cellMethods lists the methods cells declared on the type of a variable
// whose type a cell spelled out (compiled code cannot see them).
func (s *Session) cellMethods(varName string) []string {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	t := s.varType[varName]
	if t == "" {
		return nil
	}
	var out []string
	for k := range s.methods {
		if m, ok := strings.CutPrefix(k, t+"."); ok {
			out = append(out, m)
		}
	}
	return out
}

// globalValue returns a variable of the cells, when no cell is running
// (reading the interpreter's globals while a program runs would race).
func (s *Session) globalValue(name string) (reflect.Value, bool) {
	var v reflect.Value
	ok := s.withGlobal(name, func(g reflect.Value) { v = g })
	return v, ok
}

// withGlobal calls f with the value of the global variable name (its
// dynamic value when it is an interface), while no cell runs: a running
// cell, or a goroutine it started that holds execMu, may be writing it. It
// reports false, without calling f, when a cell is running or name is not
// a global.
func (s *Session) withGlobal(name string, f func(reflect.Value)) bool {
	if !s.execMu.TryLock() {
		return false
	}
	defer s.execMu.Unlock()
	v, ok := s.globals()[name]
	if !ok || !v.IsValid() {
		return false
	}
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() {
		return false
	}
	f(v)
	return true
}

// typeMembers lists the exported fields and methods of t (and *t).
func typeMembers(t reflect.Type) []string {
	var out []string
	pt := t
	if t.Kind() != reflect.Pointer {
		pt = reflect.PointerTo(t)
	}
	for i := 0; i < pt.NumMethod(); i++ {
		out = append(out, pt.Method(i).Name)
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for i := 0; i < st.NumField(); i++ {
			if f := st.Field(i); f.IsExported() {
				out = append(out, f.Name)
			}
		}
	}
	return out
}
