package track

import (
	"fmt"
	"strings"
	"testing"
)

func TestSplitBatchRespectsLimits(t *testing.T) {
	var ms []Metric
	for i := 0; i < 2500; i++ {
		ms = append(ms, Metric{Key: fmt.Sprintf("m%d", i%7), Step: int64(i), Value: float64(i)})
	}
	var ps, ts []Tag
	for i := 0; i < 250; i++ {
		ps = append(ps, Tag{fmt.Sprintf("p%d", i), "v"})
	}
	for i := 0; i < 150; i++ {
		ts = append(ts, Tag{fmt.Sprintf("t%d", i), strings.Repeat("x", 7000)})
	}
	parts := splitBatch(ms, ps, ts)
	var gotM, gotP, gotT int
	for i, b := range parts {
		if len(b.Metrics) > 1000 || len(b.Params) > 100 || len(b.Tags) > 100 || b.entities() > 1000 {
			t.Fatalf("batch %d over the limits: %d metrics, %d params, %d tags", i, len(b.Metrics), len(b.Params), len(b.Tags))
		}
		size := 0
		for _, tg := range b.Tags {
			size += len(tg.Value)
		}
		if size > maxBatchBytes {
			t.Fatalf("batch %d carries %d bytes of tag values", i, size)
		}
		for j, m := range b.Metrics {
			if m.Step != int64(gotM+j) {
				t.Fatalf("metrics out of order: batch %d item %d has step %d", i, j, m.Step)
			}
		}
		gotM += len(b.Metrics)
		gotP += len(b.Params)
		gotT += len(b.Tags)
	}
	if gotM != 2500 || gotP != 250 || gotT != 150 {
		t.Fatalf("lost entities: %d metrics, %d params, %d tags", gotM, gotP, gotT)
	}
}

func TestSplitBatchSeparatesRepeatedKeys(t *testing.T) {
	parts := splitBatch(nil, []Tag{{"eta", "0.1"}, {"depth", "3"}, {"eta", "0.2"}}, nil)
	if len(parts) != 2 || len(parts[0].Params) != 2 || parts[1].Params[0].Value != "0.2" {
		t.Fatalf("repeated param key not split into its own request: %+v", parts)
	}
	if got := splitBatch(nil, nil, nil); len(got) != 0 {
		t.Fatalf("empty input gave %d requests", len(got))
	}
}
