package docs

import (
	"slices"
	"strings"
	"testing"
)

func TestLookupCoversStdlibAndExposedPackages(t *testing.T) {
	for _, c := range []struct{ path, name, sig, doc string }{
		{"strings", "Repeat", "func Repeat(s string, count int) string", "copies"},
		{"fmt", "Println", "func Println(a ...any) (n int, err error)", "Println formats"},
		{"bytes", "Buffer.WriteString", "func (b *Buffer) WriteString(s string)", "WriteString appends"},
		{"github.com/gotrain/gotrain/kernel/display", "HTML", "func HTML(html string) *Handle", "HTML displays"},
		{"gonum.org/v1/gonum/mat", "NewDense", "func NewDense(", "NewDense creates"},
		{"gonum.org/v1/plot", "", "package plot", ""},
	} {
		e, ok := Lookup(c.path, c.name)
		if !ok {
			t.Errorf("%s.%s: not documented", c.path, c.name)
			continue
		}
		if !strings.HasPrefix(e.Sig, c.sig) || !strings.Contains(e.Doc, c.doc) {
			t.Errorf("%s.%s: %q / %q", c.path, c.name, e.Sig, e.Doc)
		}
	}
	if _, ok := Lookup("strings", "NoSuchThing"); ok {
		t.Error("an unknown name is documented")
	}
	if m := Methods("bytes", "Buffer"); !slices.Contains(m, "Len") || !slices.IsSorted(m) {
		t.Errorf("bytes.Buffer methods %v", m)
	}
}
