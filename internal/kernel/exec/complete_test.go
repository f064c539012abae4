package exec

import (
	"slices"
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import ("strings"; "bytes")
myCounter := 3
var buf bytes.Buffer
type Point struct{ X, Y int }
pt := Point{1, 2}`)
	c := s.Complete("strings.Rep", 11)
	if !slices.Contains(c.Matches, "Repeat") || !slices.Contains(c.Matches, "Replace") || c.Start != 8 || c.End != 11 {
		t.Errorf("strings.Rep: %+v", c)
	}
	c = s.Complete("x := myC", 8)
	if !slices.Equal(c.Matches, []string{"myCounter"}) || c.Start != 5 {
		t.Errorf("myC: %+v", c)
	}
	c = s.Complete("buf.Wri", 7)
	if !slices.Contains(c.Matches, "WriteString") {
		t.Errorf("buf.Wri: %+v", c)
	}
	c = s.Complete("pt.", 3)
	if !slices.Equal(c.Matches, []string{"X", "Y"}) {
		t.Errorf("pt.: %+v", c)
	}
	mustRun(t, s, "func (p Point) Norm1() int { return p.X + p.Y }")
	c = s.Complete("pt.N", 4)
	if !slices.Equal(c.Matches, []string{"Norm1"}) {
		t.Errorf("pt.N (a method declared in a cell): %+v", c)
	}
	// Positions count code points: "é" is one.
	c = s.Complete("s := \"é\"; strings.ToU", 21)
	if !slices.Contains(c.Matches, "ToUpper") || c.Start != 18 || c.End != 21 {
		t.Errorf("after a multi-byte rune: %+v", c)
	}
	// A package not imported yet still completes.
	c = s.Complete("math.Sq", 7)
	if !slices.Contains(c.Matches, "Sqrt") {
		t.Errorf("math.Sq: %+v", c)
	}
	c = s.Complete("display.HT", 10)
	if !slices.Contains(c.Matches, "HTML") {
		t.Errorf("display.HT: %+v", c)
	}
}

func TestInspect(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "strings"
answer := 42`)
	b, ok := s.Inspect("strings.Repeat(", 10, 0)
	text, _ := b["text/plain"].(string)
	if !ok || !strings.Contains(text, "func Repeat(s string, count int) string") || !strings.Contains(text, "copies of the string") {
		t.Errorf("strings.Repeat: %v %q", ok, text)
	}
	b, ok = s.Inspect("answer", 3, 0)
	if text, _ := b["text/plain"].(string); !ok || !strings.Contains(text, "int = 42") {
		t.Errorf("answer: %v %q", ok, text)
	}
	b, ok = s.Inspect("display.HTML", 9, 0)
	if text, _ := b["text/plain"].(string); !ok || !strings.Contains(text, "HTML displays") {
		t.Errorf("display.HTML: %v %q", ok, text)
	}
	b, ok = s.Inspect("mat.NewDense", 6, 0)
	if text, _ := b["text/plain"].(string); !ok || !strings.Contains(text, "func NewDense") {
		t.Errorf("mat.NewDense: %v %q", ok, text)
	}
	if _, ok := s.Inspect("nosuchname", 3, 0); ok {
		t.Errorf("unknown name found")
	}
}

// Completion and inspect know the cells' types from the checker: a value
// of a struct type declared in a cell completes its fields (unexported
// and promoted ones too) and methods of both receivers; inspect shows a
// cell function's signature, a variable's Go type and a method's.
func TestCompleteInspectCellTypes(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `type base struct{ id int }

func (b base) ID() int { return b.id }

type User struct {
	base
	Name  string
	email string
}

func (u *User) Rename(n string) { u.Name = n }

func NewUser(name string, id int) *User { return &User{base{id}, name, ""} }

u := NewUser("ann", 7)
var v User`)
	c := s.Complete("u.", 2)
	if want := []string{"ID", "Name", "Rename", "base", "email", "id"}; !slices.Equal(c.Matches, want) {
		t.Errorf("u.: %v, want %v", c.Matches, want)
	}
	c = s.Complete("v.Re", 4)
	if !slices.Equal(c.Matches, []string{"Rename"}) {
		t.Errorf("v.Re: %v", c.Matches)
	}
	for _, tc := range []struct{ code, want string }{
		{"NewUser(", "func NewUser(name string, id int) *User"},
		{"u", "var u *User = &{"},
		{"u.Rename", "func (*User).Rename(n string)"},
		{"v.email", "field email string"},
	} {
		b, ok := s.Inspect(tc.code, len(tc.code), 0)
		text, _ := b["text/plain"].(string)
		if !ok || !strings.Contains(text, tc.want) {
			t.Errorf("inspect %q: %v %q, want %q", tc.code, ok, text, tc.want)
		}
	}
	// A method declared in a later cell is found, unexported fields too.
	mustRun(t, s, "func (u User) mail() string { return u.email }")
	b, _ := s.Inspect("v.mail", 6, 0)
	if text, _ := b["text/plain"].(string); !strings.Contains(text, "func (User).mail() string") {
		t.Errorf("a later method: %q", text)
	}
	b, _ = s.Inspect("v.email", 7, 0)
	if text, _ := b["text/plain"].(string); !strings.Contains(text, "field email string") {
		t.Errorf("a field after a later cell: %q", text)
	}
	// A redefinition replaces what the checker knows.
	mustRun(t, s, "func NewUser(name string) *User { return &User{Name: name} }")
	b, _ = s.Inspect("NewUser", 3, 0)
	if text, _ := b["text/plain"].(string); !strings.Contains(text, "func NewUser(name string) *User") {
		t.Errorf("after redefinition: %q", text)
	}
}
