package exec

import (
	"strings"
	"testing"
)

// A program pasted whole runs its inits, then main, once; later cells do
// not run main again unless they call it; redeclaring main runs the new one.
func TestMainRunsOnceLikeGoRun(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `package main

import "fmt"

func init() { fmt.Println("init 1") }

func main() { fmt.Println("main", helper()) }

func init() { fmt.Println("init 2") }

func helper() int { return 7 }
`)
	if got := r.text("stdout"); got != "init 1\ninit 2\nmain 7\n" {
		t.Fatalf("program printed %q", got)
	}
	if _, r = mustRun(t, s, `_ = 1`); r.text("stdout") != "" {
		t.Fatalf("a later cell printed %q", r.text("stdout"))
	}
	if _, r = mustRun(t, s, `main()`); r.text("stdout") != "main 7\n" {
		t.Fatalf("main() printed %q", r.text("stdout"))
	}
	if _, r = mustRun(t, s, `func main() { fmt.Println("new main") }`); r.text("stdout") != "new main\n" {
		t.Fatalf("redeclared main printed %q", r.text("stdout"))
	}
	if _, r = mustRun(t, s, `x := 2`); r.text("stdout") != "" {
		t.Fatalf("a later cell printed %q", r.text("stdout"))
	}
}

// A panic in main names main, not the internal name.
func TestMainPanicNamesMain(t *testing.T) {
	s := newSession(t)
	res, _ := run(t, s, "func main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}")
	if res.Err == nil {
		t.Fatal("no error")
	}
	for _, l := range append(res.Err.Traceback, res.Err.Value) {
		if strings.Contains(l, mainName) {
			t.Fatalf("error names %s: %q", mainName, l)
		}
	}
}
