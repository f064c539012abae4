package cellctx_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/gotrain/gotrain/trainlib/cellctx"
)

type key struct{}

func TestOrPrefersTheGivenContextThenTheSourceThenBackground(t *testing.T) {
	defer cellctx.Use(nil)
	if got := cellctx.Or(nil); got != context.Background() {
		t.Fatalf("no source: Or(nil) = %v, want context.Background()", got)
	}
	cell := context.WithValue(context.Background(), key{}, "cell")
	cellctx.Use(func() context.Context { return cell })
	if got := cellctx.Or(nil); got.Value(key{}) != "cell" {
		t.Fatalf("with a source: Or(nil) = %v, want the cell's context", got)
	}
	given := context.WithValue(context.Background(), key{}, "given")
	if got := cellctx.Or(given); got.Value(key{}) != "given" {
		t.Fatalf("Or(ctx) = %v, want ctx itself", got)
	}
	cellctx.Use(func() context.Context { return nil })
	if got := cellctx.Or(nil); got != context.Background() {
		t.Fatalf("a source returning nil: Or(nil) = %v, want context.Background()", got)
	}
}

// A cell passes nil; the kernel installed the running cell's context, so
// cancelling the cell (an interrupt) reaches the library call.
func ExampleOr() {
	cell, interrupt := context.WithCancel(context.Background())
	cellctx.Use(func() context.Context { return cell })
	defer cellctx.Use(nil)

	ctx := cellctx.Or(nil) // what a trainlib call does with a nil ctx
	interrupt()
	<-ctx.Done()
	fmt.Println(ctx.Err())
	// Output: context canceled
}
