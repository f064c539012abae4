package track

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fakeMLflow is an in-process stand-in for the parts of MLflow's REST API
// the tracker uses, for unit tests of batching, spooling and replay. (The
// real server's behaviour is checked by tests/track against `mlflow server`.)
// Like MLflow's SQL store it keeps a metric (key, step, timestamp, value)
// once, and it counts every metric it was sent so tests can see repeats.
type fakeMLflow struct {
	t   testing.TB
	srv *httptest.Server

	// hold, when set, makes every request wait until it is closed: a
	// server that hangs.
	hold chan struct{}

	mu        sync.Mutex
	down      bool // answer 503 to everything
	dropNext  string
	exps      map[string]string
	runs      map[string]*fakeRun
	order     []string
	batches   int
	artifacts map[string][]byte
	versions  map[string][]string // registered model → run ids
	sources   map[string][]string // registered model → version sources
	received  int                 // run metrics received, repeats included
	models    []*fakeModel        // logged models in creation order
	// mlflow2 answers the logged-model endpoints as an MLflow 2 server
	// does: a bare 404.
	mlflow2 bool
	// refuseUploads makes artifact uploads below a path containing it
	// fail with 400.
	refuseUploads string
}

// fakeModel is a logged model: MLflow's SQL store keeps one output link
// per (run, model) and one model metric per (key, step, timestamp).
type fakeModel struct {
	id, name, run, status, exp, typ string
	tags, params                    map[string]string
	metrics                         map[string]float64 // "key|step|ts" → value
	outputs                         int                // links to its run
}

type fakeRun struct {
	id, name, status string
	tags, params     map[string]string
	metrics          map[string]bool // "key|step|ts|value"
	steps            map[string][]int64
}

func newFakeMLflow(t testing.TB) *fakeMLflow {
	f := &fakeMLflow{t: t, exps: map[string]string{}, runs: map[string]*fakeRun{},
		artifacts: map[string][]byte{}, versions: map[string][]string{}, sources: map[string][]string{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeMLflow) setDown(d bool) { f.mu.Lock(); f.down = d; f.mu.Unlock() }

// dropAnswer makes the next call to path succeed but lose its answer.
func (f *fakeMLflow) dropAnswer(path string) { f.mu.Lock(); f.dropNext = path; f.mu.Unlock() }

func (f *fakeMLflow) config() Config { return Config{TrackingURI: f.srv.URL, ExperimentName: "exp"} }

func (f *fakeMLflow) fail(w http.ResponseWriter, status int, code, msg string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error_code": code, "message": msg})
}

func (f *fakeMLflow) serve(w http.ResponseWriter, r *http.Request) {
	if f.hold != nil {
		<-f.hold
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		f.fail(w, 503, "TEMPORARILY_UNAVAILABLE", "down")
		return
	}
	body, _ := io.ReadAll(r.Body)
	var in map[string]json.RawMessage
	json.Unmarshal(body, &in)
	str := func(k string) string { var s string; json.Unmarshal(in[k], &s); return s }
	var out any = map[string]any{}
	p := r.URL.Path
	switch {
	case p == pathExperimentByName:
		id, ok := f.exps[r.URL.Query().Get("experiment_name")]
		if !ok {
			f.fail(w, 404, codeNotFound, "no such experiment")
			return
		}
		out = map[string]any{"experiment": map[string]string{"experiment_id": id}}
	case p == pathExperimentCreate:
		id := fmt.Sprint(len(f.exps) + 1)
		f.exps[str("name")] = id
		out = map[string]string{"experiment_id": id}
	case p == pathRunCreate:
		var tags []Tag
		json.Unmarshal(in["tags"], &tags)
		run := &fakeRun{id: fmt.Sprintf("run%d", len(f.runs)), name: str("run_name"), status: "RUNNING",
			tags: map[string]string{}, params: map[string]string{}, metrics: map[string]bool{}, steps: map[string][]int64{}}
		for _, tg := range tags {
			run.tags[tg.Key] = tg.Value
		}
		f.runs[run.id] = run
		f.order = append(f.order, run.id)
		out = map[string]any{"run": map[string]any{"info": RunInfo{RunID: run.id, ArtifactURI: "mlflow-artifacts:/1/" + run.id + "/artifacts", ExperimentID: str("experiment_id")}}}
	case p == pathRunSearch:
		var filter string
		json.Unmarshal(in["filter"], &filter)
		var runs []any
		for _, id := range f.order {
			if strings.Contains(filter, "'"+f.runs[id].tags[runKeyTag]+"'") {
				runs = append(runs, map[string]any{"info": RunInfo{RunID: id, ArtifactURI: "mlflow-artifacts:/1/" + id + "/artifacts"}})
			}
		}
		out = map[string]any{"runs": runs}
	case p == pathLogBatch:
		run := f.runs[str("run_id")]
		var b struct {
			Metrics []Metric `json:"metrics"`
			Params  []Tag    `json:"params"`
			Tags    []Tag    `json:"tags"`
		}
		json.Unmarshal(body, &b)
		if len(b.Metrics) > maxBatchMetrics || len(b.Params) > maxBatchParams || len(b.Tags) > maxBatchTags ||
			len(b.Metrics)+len(b.Params)+len(b.Tags) > maxBatchEntities {
			f.fail(w, 400, "INVALID_PARAMETER_VALUE", "batch too large")
			return
		}
		f.batches++
		for _, m := range b.Metrics {
			if m.ModelID != "" {
				lm := f.model(m.ModelID)
				if lm == nil {
					f.fail(w, 404, codeNotFound, "no model "+m.ModelID)
					return
				}
				lm.metrics[fmt.Sprintf("%s|%d|%d", m.Key, m.Step, m.Timestamp)] = m.Value
			} else {
				f.received++
			}
			k := fmt.Sprintf("%s|%d|%d|%v", m.Key, m.Step, m.Timestamp, m.Value)
			if !run.metrics[k] {
				run.metrics[k] = true
				run.steps[m.Key] = append(run.steps[m.Key], m.Step)
			}
		}
		for _, pa := range b.Params {
			if old, ok := run.params[pa.Key]; ok && old != pa.Value {
				f.fail(w, 400, "INVALID_PARAMETER_VALUE", "changing param "+pa.Key)
				return
			}
			run.params[pa.Key] = pa.Value
		}
		for _, tg := range b.Tags {
			if tg.Key == "refuse-me" {
				f.fail(w, 400, "INVALID_PARAMETER_VALUE", "tag refused")
				return
			}
			run.tags[tg.Key] = tg.Value
		}
	case p == pathRunUpdate:
		f.runs[str("run_id")].status = str("status")
	case strings.HasPrefix(p, pathArtifacts+"/"):
		if f.refuseUploads != "" && strings.Contains(p, f.refuseUploads) {
			f.fail(w, 400, "INVALID_PARAMETER_VALUE", "upload refused")
			return
		}
		f.artifacts[strings.TrimPrefix(p, pathArtifacts+"/")] = body
	case p == pathRegisteredCreate:
		if _, ok := f.versions[str("name")]; ok {
			f.fail(w, 400, codeAlreadyExists, "exists")
			return
		}
		f.versions[str("name")] = nil
	case p == pathVersionCreate:
		if id := str("model_id"); id != "" && (f.model(id) == nil || str("source") != "models:/"+id) {
			f.fail(w, 400, "INVALID_PARAMETER_VALUE", "bad model_id or source")
			return
		}
		f.versions[str("name")] = append(f.versions[str("name")], str("run_id"))
		f.sources[str("name")] = append(f.sources[str("name")], str("source"))
		out = map[string]any{"model_version": map[string]string{"version": fmt.Sprint(len(f.versions[str("name")]))}}
	case p == pathVersionSearch:
		var vs []any
		for name, runs := range f.versions {
			for i, id := range runs {
				if strings.Contains(r.URL.Query().Get("filter"), "'"+name+"'") && strings.Contains(r.URL.Query().Get("filter"), "'"+id+"'") {
					vs = append(vs, map[string]string{"version": fmt.Sprint(i + 1)})
				}
			}
		}
		out = map[string]any{"model_versions": vs}
	case f.mlflow2 && (strings.HasPrefix(p, pathLoggedModels) || p == pathRunOutputs):
		w.WriteHeader(404)
		w.Write([]byte("<!doctype html><title>404 Not Found</title>"))
		return
	case strings.HasPrefix(p, pathLoggedModels) || p == pathRunOutputs || p == pathRunGet:
		var ok bool
		if out, ok = f.serveModels(w, r, body, in); !ok {
			return
		}
	default:
		f.fail(w, 404, "ENDPOINT_NOT_FOUND", p)
		return
	}
	if f.dropNext == p {
		f.dropNext = ""
		hj, _ := w.(http.Hijacker)
		conn, _, _ := hj.Hijack()
		conn.Close() // the call took effect, the answer is lost
		return
	}
	json.NewEncoder(w).Encode(out)
}

// metricCount returns the distinct metrics stored for the i-th run
// created, or -1 when there is no such run yet.
func (f *fakeMLflow) metricCount(i int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i >= len(f.order) {
		return -1
	}
	return len(f.runs[f.order[i]].metrics)
}
