package exec

import (
	"context"
	"testing"
)

// BenchmarkExecuteOnePlusOne measures a trivial cell through the session:
// splitting, parsing, rewriting, compiling, running, rendering the value
// and syncing the captured output. Run it with a fixed count
// (-benchtime 300x): every cell's value adds a global to yaegi's frame,
// which yaegi copies on each run, so a session of many thousands of cells
// — what b.Loop reaches — gets slower per cell (0.4–0.6 ms for the first
// 300 on the 2-core VM; 3 ms around cell 9,000).
func BenchmarkExecuteOnePlusOne(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := &recorder{}
	for b.Loop() {
		if res := s.Execute(context.Background(), "1 + 1", r); res.Err != nil {
			b.Fatal(res.Err.Value)
		}
	}
}

// BenchmarkExecuteLoop measures an interpreted loop of 100,000 additions.
func BenchmarkExecuteLoop(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := &recorder{}
	for b.Loop() {
		if res := s.Execute(context.Background(), "n := 0\nfor i := 0; i < 100000; i++ { n += i }\nn", r); res.Err != nil {
			b.Fatal(res.Err.Value)
		}
	}
}
