// Package iter is the kernel's own implementation of the standard
// library's iter package, interpreted in cells. See package gostd.
package iter

// Seq yields a sequence of values to yield until it returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 yields a sequence of pairs to yield until it returns false.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull turns a push sequence into a next function and a stop function.
// The sequence runs in a goroutine of its own that hands over one value
// per call of next; stop ends it early. A panic in the sequence is raised
// again by the next or stop call that was waiting for it.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	next2, stop := Pull2[V, struct{}](func(yield func(V, struct{}) bool) {
		seq(func(v V) bool { return yield(v, struct{}{}) })
	})
	next = func() (V, bool) {
		v, _, ok := next2()
		return v, ok
	}
	return next, stop
}

// Pull2 is Pull for a sequence of pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	ask := make(chan bool) // true: produce the next pair; false: stop
	keys := make(chan K)
	vals := make(chan V)
	ended := make(chan any) // the sequence returned, or panicked with the value sent
	done, started := false, false
	run := func() {
		defer func() { ended <- recover() }()
		if !<-ask {
			return
		}
		seq(func(k K, v V) bool {
			keys <- k
			vals <- v
			more := <-ask
			return more
		})
	}
	// wait takes what the sequence does next: a pair, or its end.
	wait := func() (K, V, bool) {
		var k K
		var v V
		select {
		case k = <-keys:
			v = <-vals
			return k, v, true
		case p := <-ended:
			done = true
			if p != nil {
				panic(p)
			}
			return k, v, false
		}
	}
	next = func() (K, V, bool) {
		if done {
			var k K
			var v V
			return k, v, false
		}
		if !started {
			started = true
			go run()
		}
		ask <- true
		return wait()
	}
	stop = func() {
		if done {
			return
		}
		done = true
		if started {
			ask <- false
			if p := <-ended; p != nil {
				panic(p)
			}
		}
	}
	return next, stop
}
