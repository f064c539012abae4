package gbdt

import (
	"bytes"
	"context"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/datasets"
)

// uciCredit loads the bundled UCI credit data set.
func uciCredit(tb testing.TB) *data.Dataset {
	tb.Helper()
	d, err := data.ReadCSV(context.Background(), bytes.NewReader(datasets.UCICreditCard), "UCI_Credit_Card.csv",
		data.Options{Label: "default.payment.next.month", Drop: []string{"ID"}, BinaryLabel: true})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkUCICredit trains 50 rounds of depth 4 on UCI credit with 2
// threads (profile it with -cpuprofile).
func BenchmarkUCICredit(b *testing.B) {
	d := uciCredit(b)
	p := DefaultParams()
	p.NumBoostRound, p.MaxDepth, p.NThread = 50, 4, 2
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := TrainLocal(context.Background(), p, d, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
