package exec

import (
	"os"
	"testing"
)

// A pointer-receiver method of a struct holding a sync.Mutex, called on
// the struct variable from goroutines through a closure, runs without a
// data race in the kernel (ptrrecv.go: the receiver is passed as (&c), so
// yaegi's method wrapper copies a pointer, not the struct while other
// goroutines lock its mutex), and counts as Go counts. Under -race the
// detector fails this test if the copy comes back.
func TestMutexStructMethodFromGoroutines(t *testing.T) {
	src, err := os.ReadFile("../../../tests/exec/testdata/goprograms/03_mutex_counter_goroutines.go")
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t)
	_, r := mustRun(t, s, string(src))
	if got, want := r.text("stdout"), "map[a:20000 b:10000]\n"; got != want {
		t.Errorf("printed %q, want %q (as go run)", got, want)
	}
	// The same call on a pointer, and a method value, still work.
	_, r = mustRun(t, s, `func() {
	p := &Container{counters: map[string]int{}}
	p.inc("x")
	var c2 Container
	c2.counters = map[string]int{}
	f := c2.inc
	f("y")
	c2.inc("y")
	fmt.Println(p.counters, c2.counters)
}()`)
	if got, want := r.text("stdout"), "map[x:1] map[y:2]\n"; got != want {
		t.Errorf("printed %q, want %q (as go run)", got, want)
	}
}
