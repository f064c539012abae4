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
