package exec

import "testing"

// A labelled break or continue written directly in a select case ends or
// continues the labelled loop, as in Go (selectbranch.go): yaegi v0.16.1
// took it as ending the select only, so the loop never ended and the cell
// hung (`case <-timeout: break loop`, the shape of every "select with a
// timeout" example).
func TestLabelledBranchInSelectCase(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"
ch := make(chan int, 1)
n := 0
loop:
for {
	select {
	case <-ch:
		fmt.Println("got")
		break loop
	default:
		n++
		if n == 5 {
			ch <- 1
		}
	}
}
fmt.Println(n)
sent := 0
outer:
for i := 0; i < 3; i++ {
	for {
		select {
		case ch <- i:
			sent++
		case <-ch:
			continue outer
		}
	}
}
fmt.Println(sent)`)
	if got, want := r.text("stdout"), "got\n5\n3\n"; got != want {
		t.Fatalf("stdout %q, want %q", got, want)
	}
}
