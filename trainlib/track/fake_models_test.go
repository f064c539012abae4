package track

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// model returns the logged model id, or nil. f.mu is held.
func (f *fakeMLflow) model(id string) *fakeModel {
	for _, m := range f.models {
		if m.id == id {
			return m
		}
	}
	return nil
}

// serveModels answers the logged-model endpoints, runs/outputs and
// runs/get; ok is false when it answered an error itself. f.mu is held.
func (f *fakeMLflow) serveModels(w http.ResponseWriter, r *http.Request, body []byte, in map[string]json.RawMessage) (out any, ok bool) {
	str := func(k string) string { var s string; json.Unmarshal(in[k], &s); return s }
	info := func(m *fakeModel) map[string]any {
		var tags []Tag
		for _, k := range sortedKeys(m.tags) {
			tags = append(tags, Tag{k, m.tags[k]})
		}
		return map[string]any{"info": map[string]any{"model_id": m.id, "name": m.name, "source_run_id": m.run,
			"status": m.status, "tags": tags, "artifact_uri": "mlflow-artifacts:/1/models/" + m.id + "/artifacts"}}
	}
	p := r.URL.Path
	switch {
	case p == pathLoggedModels && r.Method == http.MethodPost:
		var req struct {
			Params []Tag `json:"params"`
			Tags   []Tag `json:"tags"`
		}
		json.Unmarshal(body, &req)
		if len(req.Params) > maxModelParamsPerRequest {
			f.fail(w, 400, "INVALID_PARAMETER_VALUE", "too many params")
			return nil, false
		}
		m := &fakeModel{typ: str("model_type"), id: fmt.Sprintf("m-%d", len(f.models)), name: str("name"), run: str("source_run_id"), exp: str("experiment_id"),
			status: "LOGGED_MODEL_PENDING", tags: map[string]string{}, params: map[string]string{}, metrics: map[string]float64{}}
		for _, t := range req.Tags {
			m.tags[t.Key] = t.Value
		}
		for _, t := range req.Params {
			m.params[t.Key] = t.Value
		}
		f.models = append(f.models, m)
		return map[string]any{"model": info(m)}, true
	case p == pathLoggedModelSearch:
		var req struct {
			Filter string `json:"filter"`
		}
		json.Unmarshal(body, &req)
		var found []any
		for _, m := range f.models {
			if strings.Contains(req.Filter, "name = '"+m.name+"'") && strings.Contains(req.Filter, "source_run_id = '"+m.run+"'") {
				found = append(found, info(m))
			}
		}
		return map[string]any{"models": found}, true
	case r.Method == http.MethodPost && strings.HasSuffix(p, "/params") && strings.HasPrefix(p, pathLoggedModels+"/"):
		m := f.model(strings.TrimSuffix(strings.TrimPrefix(p, pathLoggedModels+"/"), "/params"))
		var req struct {
			Params []Tag `json:"params"`
		}
		json.Unmarshal(body, &req)
		if m == nil || len(req.Params) > maxModelParamsPerRequest {
			f.fail(w, 400, "INVALID_PARAMETER_VALUE", "no such model or too many params")
			return nil, false
		}
		for _, t := range req.Params {
			m.params[t.Key] = t.Value
		}
		return map[string]any{}, true
	case r.Method == http.MethodPatch && strings.HasPrefix(p, pathLoggedModels+"/"):
		m := f.model(strings.TrimPrefix(p, pathLoggedModels+"/"))
		if m == nil {
			f.fail(w, 404, codeNotFound, "no such model")
			return nil, false
		}
		m.status = str("status")
		return map[string]any{"model": info(m)}, true
	case p == pathRunOutputs:
		var req struct {
			Models []struct {
				ModelID string `json:"model_id"`
			} `json:"models"`
		}
		json.Unmarshal(body, &req)
		for _, o := range req.Models {
			m := f.model(o.ModelID)
			if m == nil || m.outputs > 0 {
				f.fail(w, 500, "INTERNAL_ERROR", "(sqlite3.IntegrityError) UNIQUE constraint failed: inputs")
				return nil, false
			}
			m.outputs++
		}
		return map[string]any{}, true
	case p == pathRunGet:
		id := r.URL.Query().Get("run_id")
		var outs []any
		for _, m := range f.models {
			if m.run == id && m.outputs > 0 {
				outs = append(outs, map[string]string{"model_id": m.id})
			}
		}
		return map[string]any{"run": map[string]any{"info": RunInfo{RunID: id, ExperimentID: "1"}, "outputs": map[string]any{"model_outputs": outs}}}, true
	}
	f.fail(w, 404, "ENDPOINT_NOT_FOUND", p)
	return nil, false
}
