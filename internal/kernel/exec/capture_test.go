package exec

import (
	"bytes"
	"io"
	"sync"
	"testing"
	"time"
)

// TestForwarderSlowsAWriterToTheSinkSpeed: when the sink is slower than
// the writer, the reader stops taking from the pipe at softQueue instead
// of holding everything printed in memory; everything still arrives, in
// order.
func TestForwarderSlowsAWriterToTheSinkSpeed(t *testing.T) {
	r, w := io.Pipe()
	release := make(chan struct{})
	var mu sync.Mutex
	var got bytes.Buffer
	var f *forwarder
	maxSeen := 0
	sink := func(name, text string) {
		<-release // the sink is held until the test has looked
		f.mu.Lock()
		maxSeen = max(maxSeen, len(f.queue))
		f.mu.Unlock()
		mu.Lock()
		got.WriteString(text)
		mu.Unlock()
	}
	f = newForwarder("stdout", r, sink, time.Hour)
	want := bytes.Repeat([]byte("0123456789abcdef"), 8<<20/16) // 8 MiB
	wrote := make(chan struct{})
	go func() {
		for b := want; len(b) > 0; b = b[min(len(b), 64<<10):] {
			w.Write(b[:min(len(b), 64<<10)])
		}
		w.Close()
		close(wrote)
	}()
	// Wait until the queue holds softQueue: the writer must then be held
	// back (io.Pipe's Write returns only once the reader took the bytes).
	for {
		f.mu.Lock()
		n := len(f.queue)
		f.mu.Unlock()
		if n >= softQueue {
			break
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case <-wrote:
		t.Fatal("the writer finished 8 MiB while the sink had taken nothing")
	default:
	}
	close(release)
	<-f.done
	if maxSeen > softQueue+64<<10 {
		t.Errorf("the queue held %d bytes, above softQueue %d plus one read", maxSeen, softQueue)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("forwarded %d bytes, not the %d written in order", got.Len(), len(want))
	}
}
