package gbdt

import (
	"context"
	"sync"
	"sync/atomic"
)

// parallelFor runs fn(worker, task) for tasks 0..n-1 on at most threads
// goroutines; worker identifies the goroutine (0..threads-1) so fn can use
// per-goroutine scratch space. It stops handing out tasks once ctx is done
// and returns ctx's error then.
func parallelFor(ctx context.Context, threads, n int, fn func(worker, task int)) error {
	if threads > n {
		threads = n
	}
	if threads <= 1 {
		for t := 0; t < n; t++ {
			if t%64 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			fn(0, t)
		}
		return ctx.Err()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < threads; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				t := int(next.Add(1) - 1)
				if t >= n || ctx.Err() != nil {
					return
				}
				fn(w, t)
			}
		}(w)
	}
	wg.Wait()
	return ctx.Err()
}
