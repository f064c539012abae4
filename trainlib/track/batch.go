package track

// MLflow's limits on one runs/log-batch request (mlflow/utils/validation.py,
// REST API docs for log-batch).
const (
	maxBatchMetrics  = 1000
	maxBatchParams   = 100
	maxBatchTags     = 100
	maxBatchEntities = 1000
	// maxBatchBytes keeps a request well below the server's 1 MB cap on a
	// log-batch request.
	maxBatchBytes = 900_000
	// maxParamValue and maxTagValue are the longest values MLflow stores.
	maxParamValue = 6000
	maxTagValue   = 8000
	maxKeyLength  = 250
)

// batch is the content of one log-batch request.
type batch struct {
	Metrics []Metric
	Params  []Tag
	Tags    []Tag
}

func (b *batch) entities() int { return len(b.Metrics) + len(b.Params) + len(b.Tags) }

// splitBatch cuts metrics, params and tags, in order, into requests that
// respect MLflow's per-request limits. A param or tag key repeated within a
// request is refused by MLflow, so a repeat starts a new request.
func splitBatch(metrics []Metric, params, tags []Tag) []batch {
	var out []batch
	cur := batch{}
	size := 0
	seenParam, seenTag := map[string]bool{}, map[string]bool{}
	flush := func() {
		if cur.entities() > 0 {
			out = append(out, cur)
		}
		cur, size = batch{}, 0
		seenParam, seenTag = map[string]bool{}, map[string]bool{}
	}
	room := func(n int) {
		if cur.entities() >= maxBatchEntities || size+n > maxBatchBytes {
			flush()
		}
	}
	for _, m := range metrics {
		n := len(m.Key) + 80
		room(n)
		if len(cur.Metrics) >= maxBatchMetrics {
			flush()
		}
		cur.Metrics = append(cur.Metrics, m)
		size += n
	}
	for _, p := range params {
		n := len(p.Key) + len(p.Value) + 40
		room(n)
		if len(cur.Params) >= maxBatchParams || seenParam[p.Key] {
			flush()
		}
		cur.Params = append(cur.Params, p)
		seenParam[p.Key] = true
		size += n
	}
	for _, t := range tags {
		n := len(t.Key) + len(t.Value) + 40
		room(n)
		if len(cur.Tags) >= maxBatchTags || seenTag[t.Key] {
			flush()
		}
		cur.Tags = append(cur.Tags, t)
		seenTag[t.Key] = true
		size += n
	}
	flush()
	return out
}
