package track

import (
	"context"
	"testing"
	"time"
)

// BenchmarkLogMetricsServerDown measures what a boosting round pays to log
// four metrics while the tracking server is unreachable: the spool append
// and a queue hand-off, no network wait.
func BenchmarkLogMetricsServerDown(b *testing.B) {
	f := newFakeMLflow(b)
	f.setDown(true)
	tr, err := NewMLflow(f.config(), MLflowOptions{Dir: b.TempDir(), Report: func(string) {},
		MinBackoff: time.Second, MaxBackoff: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	run, _ := tr.StartParent("bench", nil, nil)
	m := map[string]float64{"train-error": 0.1, "train-logloss": 0.3, "val-error": 0.2, "val-logloss": 0.4}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tr.LogMetrics(run, i, m); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	tr.Close(ctx)
	f.srv.Close()
}
