package exec

import (
	"strings"
	"testing"
)

// hostileCells each must fail with exactly one error, and leave the
// session and its earlier state intact.
var hostileCells = []string{
	"for i := range 5 {",
	"import \"os\"\nos.Exit(1)",
	"import \"log\"\nlog.Fatal(\"fatal\")",
	"import \"log\"\nlog.Fatalln(\"fatal\")",
	"panic(\"boom\")",
	"var p *int\n*p = 1",
	"a := []int{}\na[3]",
	"zero := 0\n1 / zero",
	"undefinedFunc()",
	"import \"no/such/pkg\"",
	"func (",
	"var x int = \"s\"",
	"ch := make(chan int)\nclose(ch)\nclose(ch)",
	"var m map[string]int\nm[\"a\"] = 1",
	"var i any = \"s\"\nn := i.(int)\nn",
	"import \"runtime\"\nruntime.Goexit()",
	"n := -1\nmake([]int, n)",
	"\"abc\" + 1",
	"var s []int\ns = append(s, \"x\")",
	"import \"fmt\"\nfmt.Printf(",
	"var arr [3]int\nidx := 5\narr[idx] = 1",
	"import \"log\"\nlog.Panic(\"p\")",
	"x.y.z",
	"import \"strconv\"\nn, err := strconv.Atoi(\"x\")\nif err != nil { panic(err) }\nn",
	"import \"errors\"\npanic(errors.New(\"an error value\"))",
	"}",
	"func f() int { return \"s\" }",
	"for i := range 3 { _ = i }\nvar q int = \"nil\"",
	"import \"os\"\nfunc quit() { os.Exit(2) }\nquit()",
	"import \"time\"\nvar d time.Duration = \"1s\"",
	"import \"syscall\"\nsyscall.Exit(4)",
	"import \"unsafe\"\nb := []byte(\"ab\")\n_ = unsafe.String(&b[0], 2)",
}

func TestHostileCells(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "survivor := 41")
	for _, cell := range hostileCells {
		res, r := run(t, s, cell)
		if res.Err == nil {
			t.Errorf("cell %q: no error", cell)
			continue
		}
		if res.Value != nil {
			t.Errorf("cell %q: an error and a value", cell)
		}
		if len(res.Err.Traceback) == 0 || res.Err.Name == "" || res.Err.Value == "" {
			t.Errorf("cell %q: incomplete error %+v", cell, res.Err)
		}
		for _, e := range r.snapshot() {
			if e.kind == "error" {
				t.Errorf("cell %q: a second error output %+v", cell, e.errValue)
			}
		}
		if strings.Contains(r.text("stderr"), "panic:") {
			t.Errorf("cell %q: yaegi's panic line leaked: %q", cell, r.text("stderr"))
		}
		after, _ := mustRun(t, s, "survivor + 1")
		if plain(after) != "42" {
			t.Fatalf("after %q: survivor+1 = %q", cell, plain(after))
		}
	}
	if len(hostileCells) < 20 {
		t.Fatalf("only %d hostile cells", len(hostileCells))
	}
}
