package exec

import "testing"

func TestStatePersistsAndValues(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "x := 6")
	res, _ := mustRun(t, s, "x * 7")
	if got := plain(res); got != "42" {
		t.Fatalf("x*7 shows %q, want 42", got)
	}
	res, r := mustRun(t, s, `import "fmt"
fmt.Println(x + 7)`)
	if res.Value != nil {
		t.Errorf("fmt.Println shows a value %v; want only its output", res.Value)
	}
	if got := r.text("stdout"); got != "13\n" {
		t.Errorf("stdout %q, want 13", got)
	}
}
