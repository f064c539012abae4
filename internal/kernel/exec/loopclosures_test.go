package exec

import "testing"

// A function literal passed in a loop body to a compiled function that
// keeps it and runs it later sees the variables of the iteration it was
// made in (loopclosures.go): wg.Go over range-over-int and a three-clause
// loop, sync.Map.Store, time.AfterFunc, a variable declared in the body;
// and in a function that defers. Each printed the last iteration's values
// before (wg.Go filled only t[3]).
func TestClosuresPassedToCompiledFunctionsInLoops(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func deferring() []int {
	var wg sync.WaitGroup
	defer fmt.Println("deferring done")
	out := make([]int, 3)
	for i := range 3 {
		wg.Go(func() { out[i] = i + 10 })
	}
	wg.Wait()
	return out
}

func main() {
	var wg sync.WaitGroup
	a := make([]int, 4)
	for i := range 4 {
		wg.Go(func() { a[i] = i * i })
	}
	b := make([]int, 4)
	for i := 0; i < 4; i++ {
		sq := i * i * i
		wg.Go(func() { b[i] = sq })
	}
	wg.Wait()
	fmt.Println(a, b)

	var m sync.Map
	for i := 0; i < 3; i++ {
		m.Store(i, func() int { return -i })
	}
	var got []int
	m.Range(func(k, v any) bool { got = append(got, k.(int)*10+v.(func() int)()); return true })
	sort.Ints(got)
	fmt.Println(got)

	var mu sync.Mutex
	var fired []int
	var timers sync.WaitGroup
	for i := range 3 {
		timers.Add(1)
		time.AfterFunc(time.Millisecond, func() {
			mu.Lock()
			fired = append(fired, i)
			mu.Unlock()
			timers.Done()
		})
	}
	timers.Wait()
	sort.Ints(fired)
	fmt.Println(fired)
	fmt.Println(deferring())
}`)
	want := "[0 1 4 9] [0 1 8 27]\n[0 9 18]\n[0 1 2]\ndeferring done\n[10 11 12]\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
