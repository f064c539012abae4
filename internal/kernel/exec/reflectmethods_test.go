package exec

import (
	"strings"
	"testing"
)

// reflect's NumMethod, Method and MethodByName on a value of a cell type
// see no methods in the interpreter: each call is warned at its place,
// naming the types with methods; a cell without such types is not.
func TestReflectMethodCallsWarn(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import ("fmt"; "reflect")
n := reflect.TypeOf(3).NumMethod()
fmt.Println(n)`)
	if strings.Contains(r.text("stderr"), "warning:") {
		t.Errorf("warned without cell types with methods: %q", r.text("stderr"))
	}
	_, r = mustRun(t, s, `type User struct{ Name string }
func (u User) Greet() string { return "hi " + u.Name }
m := reflect.ValueOf(User{"ann"}).MethodByName("Greet")
fmt.Println(m.IsValid())`)
	want := "warning: cell:3:6: reflect: MethodByName does not see the methods of types declared in a cell (main.User) in this interpreter"
	if stderr := r.text("stderr"); !strings.Contains(stderr, want) || strings.Count(stderr, "warning:") != 1 {
		t.Errorf("stderr %q, want one warning %q", stderr, want)
	}
}
