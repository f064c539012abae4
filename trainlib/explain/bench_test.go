package explain

import (
	"context"
	"testing"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Benchmarks, not timed tests: run with
//
//	go test -run '^$' -bench . -benchtime 5x ./trainlib/explain

func BenchmarkImportancePNG(b *testing.B) {
	m := loadCredit(b)
	imp, err := m.Importance(model.Gain)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c, err := chart.Importance(imp, chart.ImportanceOptions{Kind: model.Gain})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.EncodePNG(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExplainRows1000(b *testing.B) {
	m := loadCredit(b)
	x := randomRows(m, 1000, 1)
	for _, method := range []model.ContribMethod{model.TreeSHAP, model.DecisionPath} {
		b.Run(methodName(method), func(b *testing.B) {
			for b.Loop() {
				if _, err := ExplainRows(context.Background(), m, x, nil, PredictionOptions{Method: method}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReportDocument(b *testing.B) {
	m := loadCredit(b)
	x := randomRows(m, 5, 1)
	for b.Loop() {
		r, err := NewReport(context.Background(), m, x, ReportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Document(); err != nil {
			b.Fatal(err)
		}
	}
}
