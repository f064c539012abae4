// Package cellctx lets a nil context mean "the running notebook cell's".
//
// The library's long calls take a context first, as Go calls do, and stop
// when it is cancelled. In a notebook that context is the running cell's
// (interrupting the cell cancels it), which a cell could pass as
// display.Context(); trainlib cannot import the kernel to find it itself.
// Instead the kernel hands this package, once, a function returning the
// running cell's context, and every cell-facing call of trainlib starts
// with ctx = cellctx.Or(ctx), so a cell may write
//
//	cl, err := trainlib.Connect(nil, trainlib.Cluster{Spawn: 2})
//	res, err := cl.Train(nil, params, gbdt.Options{})
//
// and an interrupt still stops the training. Outside the kernel nothing is
// installed and a nil context is context.Background(). A non-nil context
// is always used as given.
//
// The source is one per process: the kernel runs one notebook session per
// executor process, so "the running cell" is unambiguous there.
package cellctx

import (
	"context"
	"sync/atomic"
)

var source atomic.Pointer[func() context.Context]

// Use makes f the source of the context a nil ctx stands for; the kernel
// calls it when a session starts, with a function returning the running
// cell's context. A later call replaces an earlier one; nil removes it.
func Use(f func() context.Context) {
	if f == nil {
		source.Store(nil)
		return
	}
	source.Store(&f)
}

// Or returns ctx when it is not nil; else the running cell's context when
// a kernel installed one (see Use), else context.Background().
func Or(ctx context.Context) context.Context {
	if ctx != nil {
		return ctx
	}
	if f := source.Load(); f != nil {
		if c := (*f)(); c != nil {
			return c
		}
	}
	return context.Background()
}
