package track

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// REST paths of the MLflow tracking and registry APIs (version 2.0).
const (
	pathExperimentByName = "/api/2.0/mlflow/experiments/get-by-name"
	pathExperimentCreate = "/api/2.0/mlflow/experiments/create"
	pathRunCreate        = "/api/2.0/mlflow/runs/create"
	pathRunUpdate        = "/api/2.0/mlflow/runs/update"
	pathRunSearch        = "/api/2.0/mlflow/runs/search"
	pathLogBatch         = "/api/2.0/mlflow/runs/log-batch"
	pathRegisteredCreate = "/api/2.0/mlflow/registered-models/create"
	pathVersionCreate    = "/api/2.0/mlflow/model-versions/create"
	pathVersionSearch    = "/api/2.0/mlflow/model-versions/search"
	pathArtifacts        = "/api/2.0/mlflow-artifacts/artifacts"
)

// MLflow error codes the client reacts to.
const (
	codeNotFound      = "RESOURCE_DOES_NOT_EXIST"
	codeAlreadyExists = "RESOURCE_ALREADY_EXISTS"
)

// Tag is a string key/value pair on a run (also used for params).
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Metric is one metric value at one step.
type Metric struct {
	Key       string  `json:"key"`
	Value     float64 `json:"value"`
	Timestamp int64   `json:"timestamp"` // milliseconds since the Unix epoch
	Step      int64   `json:"step"`
	// ModelID, when set, also records the value on that logged model.
	ModelID string `json:"model_id,omitempty"`
}

// MarshalJSON spells non-finite values the way protobuf's JSON mapping
// (and so MLflow) reads them.
func (m Metric) MarshalJSON() ([]byte, error) {
	var v any = m.Value
	switch {
	case math.IsNaN(m.Value):
		v = "NaN"
	case math.IsInf(m.Value, 1):
		v = "Infinity"
	case math.IsInf(m.Value, -1):
		v = "-Infinity"
	}
	return json.Marshal(struct {
		Key       string `json:"key"`
		Value     any    `json:"value"`
		Timestamp int64  `json:"timestamp"`
		Step      int64  `json:"step"`
		ModelID   string `json:"model_id,omitempty"`
	}{m.Key, v, m.Timestamp, m.Step, m.ModelID})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Metric) UnmarshalJSON(data []byte) error {
	var raw struct {
		Key       string          `json:"key"`
		Value     json.RawMessage `json:"value"`
		Timestamp int64           `json:"timestamp"`
		Step      int64           `json:"step"`
		ModelID   string          `json:"model_id"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	m.Key, m.Timestamp, m.Step, m.ModelID = raw.Key, raw.Timestamp, raw.Step, raw.ModelID
	var s string
	if json.Unmarshal(raw.Value, &s) == nil {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("metric %q: value %q is not a number", raw.Key, s)
		}
		m.Value = f
		return nil
	}
	return json.Unmarshal(raw.Value, &m.Value)
}

// RunInfo identifies a run on the server.
type RunInfo struct {
	RunID        string `json:"run_id"`
	ArtifactURI  string `json:"artifact_uri"`
	ExperimentID string `json:"experiment_id"`
}

// Experiment returns the id of the experiment called name, creating it when
// it does not exist.
func (c *Client) Experiment(ctx context.Context, name string) (string, error) {
	for attempt := 0; attempt < 2; attempt++ {
		var got struct {
			Experiment struct {
				ID             string `json:"experiment_id"`
				LifecycleStage string `json:"lifecycle_stage"`
			} `json:"experiment"`
		}
		err := c.call(ctx, http.MethodGet, pathExperimentByName, url.Values{"experiment_name": {name}}, nil, &got)
		if err == nil {
			if got.Experiment.LifecycleStage == "deleted" {
				return "", fmt.Errorf("mlflow experiment %q is deleted: restore it in the MLflow UI or choose another name with %s", name, EnvExperimentName)
			}
			return got.Experiment.ID, nil
		}
		if !isCode(err, codeNotFound) {
			return "", err
		}
		var created struct {
			ID string `json:"experiment_id"`
		}
		err = c.call(ctx, http.MethodPost, pathExperimentCreate, nil, map[string]any{"name": name}, &created)
		if err == nil {
			return created.ID, nil
		}
		if !isCode(err, codeAlreadyExists) { // else: created concurrently; look it up again
			return "", err
		}
	}
	return "", fmt.Errorf("mlflow experiment %q: could neither find nor create it", name)
}

// CreateRun starts a run in experiment expID.
func (c *Client) CreateRun(ctx context.Context, expID, name string, startMillis int64, tags []Tag) (RunInfo, error) {
	var got struct {
		Run struct {
			Info RunInfo `json:"info"`
		} `json:"run"`
	}
	req := map[string]any{"experiment_id": expID, "run_name": name, "start_time": startMillis, "tags": tags}
	if err := c.call(ctx, http.MethodPost, pathRunCreate, nil, req, &got); err != nil {
		return RunInfo{}, err
	}
	return got.Run.Info, nil
}

// FindRunByTag returns a run of experiment expID whose tag key equals value.
func (c *Client) FindRunByTag(ctx context.Context, expID, key, value string) (RunInfo, bool, error) {
	var got struct {
		Runs []struct {
			Info RunInfo `json:"info"`
		} `json:"runs"`
	}
	filter := fmt.Sprintf("tags.`%s` = '%s'", key, strings.ReplaceAll(value, "'", "\\'"))
	req := map[string]any{"experiment_ids": []string{expID}, "filter": filter, "max_results": 1, "run_view_type": "ALL"}
	if err := c.call(ctx, http.MethodPost, pathRunSearch, nil, req, &got); err != nil {
		return RunInfo{}, false, err
	}
	if len(got.Runs) == 0 {
		return RunInfo{}, false, nil
	}
	return got.Runs[0].Info, true, nil
}

// LogBatch sends metrics, params and tags of one run in one request. The
// caller keeps within MLflow's limits (see splitBatch).
func (c *Client) LogBatch(ctx context.Context, runID string, metrics []Metric, params, tags []Tag) error {
	req := map[string]any{"run_id": runID}
	if len(metrics) > 0 {
		req["metrics"] = metrics
	}
	if len(params) > 0 {
		req["params"] = params
	}
	if len(tags) > 0 {
		req["tags"] = tags
	}
	return c.call(ctx, http.MethodPost, pathLogBatch, nil, req, nil)
}

// UpdateRun sets a run's status and end time.
func (c *Client) UpdateRun(ctx context.Context, runID string, status Status, endMillis int64) error {
	req := map[string]any{"run_id": runID, "status": string(status), "end_time": endMillis}
	return c.call(ctx, http.MethodPost, pathRunUpdate, nil, req, nil)
}

// CreateRegisteredModel creates a registered model; one that already exists
// is fine.
func (c *Client) CreateRegisteredModel(ctx context.Context, name string) error {
	err := c.call(ctx, http.MethodPost, pathRegisteredCreate, nil, map[string]any{"name": name}, nil)
	if isCode(err, codeAlreadyExists) {
		return nil
	}
	return err
}

// CreateModelVersion registers source (the model directory's artifact URI)
// as a new version of the registered model name and returns the version.
func (c *Client) CreateModelVersion(ctx context.Context, name, source, runID string) (string, error) {
	return c.createModelVersion(ctx, name, source, runID, "")
}

// createModelVersion is CreateModelVersion with the logged model modelID as
// the version's model (source then is models:/<modelID>).
func (c *Client) createModelVersion(ctx context.Context, name, source, runID, modelID string) (string, error) {
	var got struct {
		Version struct {
			Version string `json:"version"`
		} `json:"model_version"`
	}
	req := map[string]any{"name": name, "source": source, "run_id": runID}
	if modelID != "" {
		req["model_id"] = modelID
	}
	if err := c.call(ctx, http.MethodPost, pathVersionCreate, nil, req, &got); err != nil {
		return "", err
	}
	return got.Version.Version, nil
}

// FindModelVersion returns the version of registered model name created from
// run runID, if any.
func (c *Client) FindModelVersion(ctx context.Context, name, runID string) (string, bool, error) {
	var got struct {
		Versions []struct {
			Version string `json:"version"`
		} `json:"model_versions"`
	}
	filter := fmt.Sprintf("name = '%s' and run_id = '%s'", strings.ReplaceAll(name, "'", "\\'"), runID)
	err := c.call(ctx, http.MethodGet, pathVersionSearch, url.Values{"filter": {filter}}, nil, &got)
	if err != nil || len(got.Versions) == 0 {
		return "", false, err
	}
	return got.Versions[0].Version, true, nil
}
