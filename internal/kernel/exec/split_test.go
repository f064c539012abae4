package exec

import (
	"strconv"
	"strings"
	"testing"
)

func TestSplitCell(t *testing.T) {
	code := `import "fmt"

type T struct{ A int }
func (t T) M() int { return t.A }
var v = 1
x := T{2}
func() { fmt.Println("literal") }()
func named() {}
fmt.Println(x.M())`
	var got []string
	for _, g := range splitCell(code) {
		got = append(got, []string{"import", "decl", "stmt"}[g.kind]+"@"+strconv.Itoa(g.line)+":"+strings.SplitN(g.text, "\n", 2)[0])
	}
	want := []string{
		`import@1:import "fmt"`,
		`decl@3:type T struct{ A int }`,
		`stmt@6:x := T{2}`,
		`decl@8:func named() {}`,
		`stmt@9:fmt.Println(x.M())`,
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("groups\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRewritesKeepGoSemantics(t *testing.T) {
	s := newSession(t)
	// Range over int with an assigned outer variable, a body that changes
	// the copy, labels, and break/continue still work.
	res, _ := mustRun(t, s, `last := -1
count := 0
outer:
for last = range 10 {
	if last == 2 { continue }
	for j := range 3 { if j == 1 && last == 3 { continue outer } }
	if last == 5 { break }
	count++
}
last*100 + count`)
	if plain(res) != "503" {
		t.Errorf("range with assignment, labels: %q, want 503", plain(res))
	}
	res, _ = mustRun(t, s, `n := 0
for i := range 4 { i += 10; n += i }
n`)
	if plain(res) != "46" {
		t.Errorf("changing the copy: %q, want 46", plain(res))
	}
	// go statement arguments are evaluated before the goroutine starts.
	res, _ = mustRun(t, s, `ch := make(chan int, 3)
send := func(v int) { ch <- v }
k := 1
go send(k)
k = 2
first := <-ch
for i := 0; i < 2; i++ { go func() { ch <- i * 10 }() }
a, b := <-ch, <-ch
[]int{first, a + b}`)
	if plain(res) != "[1 10]" {
		t.Errorf("go statements: %q, want [1 10]", plain(res))
	}
	// Names in the cell shadowing nothing of ours, a variable called like
	// the loop variable in a nested closure.
	res, _ = mustRun(t, s, `var out []int
for i := 0; i < 3; i++ {
	f := func(i int) int { return i * 2 }
	out = append(out, f(i))
}
sort := out
sort`)
	if plain(res) != "[0 2 4]" {
		t.Errorf("nested redeclaration: %q", plain(res))
	}
}
