package track

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// REST paths of MLflow 3's logged-model entities (API version 2.0).
const (
	pathLoggedModels      = "/api/2.0/mlflow/logged-models"
	pathLoggedModelSearch = "/api/2.0/mlflow/logged-models/search"
	pathRunOutputs        = "/api/2.0/mlflow/runs/outputs"
	pathRunGet            = "/api/2.0/mlflow/runs/get"
)

// Final states of a logged model, as MLflow's LoggedModelStatus names them.
const (
	modelReady        = "LOGGED_MODEL_READY"
	modelUploadFailed = "LOGGED_MODEL_UPLOAD_FAILED"
)

// maxModelParamsPerRequest is how many params MLflow's own client puts in
// one logged-model request (the first ones go with the creation).
const maxModelParamsPerRequest = 100

// loggedModel is what the tracker needs of an MLflow LoggedModel.
type loggedModel struct {
	ID          string `json:"model_id"`
	ArtifactURI string `json:"artifact_uri"`
	Name        string `json:"name"`
	SourceRunID string `json:"source_run_id"`
	Status      string `json:"status"`
	Tags        []Tag  `json:"tags"`
}

// tag returns the value of the model's tag key.
func (m loggedModel) tag(key string) string {
	for _, t := range m.Tags {
		if t.Key == key {
			return t.Value
		}
	}
	return ""
}

// modelAnswer is the JSON shape of a logged model in MLflow's answers.
type modelAnswer struct {
	Info loggedModel `json:"info"`
}

// createLoggedModel creates a PENDING logged model called name of type
// modelType (none when empty) in experiment expID, produced by run
// sourceRunID, with params and tags. Params beyond the first
// maxModelParamsPerRequest follow in batches.
func (c *Client) createLoggedModel(ctx context.Context, expID, name, modelType, sourceRunID string, params, tags []Tag) (loggedModel, error) {
	first := params[:min(len(params), maxModelParamsPerRequest)]
	req := map[string]any{"experiment_id": expID, "name": name, "source_run_id": sourceRunID, "params": first, "tags": tags}
	if modelType != "" {
		req["model_type"] = modelType
	}
	var got struct {
		Model modelAnswer `json:"model"`
	}
	if err := c.call(ctx, http.MethodPost, pathLoggedModels, nil, req, &got); err != nil {
		return loggedModel{}, err
	}
	m := got.Model.Info
	if m.ID == "" {
		return loggedModel{}, fmt.Errorf("mlflow POST %s: the answer has no model_id (is %s an MLflow 3 server?)", pathLoggedModels, c.base)
	}
	for rest := params[len(first):]; len(rest) > 0; {
		n := min(len(rest), maxModelParamsPerRequest)
		body := map[string]any{"model_id": m.ID, "params": rest[:n]}
		if err := c.call(ctx, http.MethodPost, pathLoggedModels+"/"+url.PathEscape(m.ID)+"/params", nil, body, nil); err != nil {
			return m, err
		}
		rest = rest[n:]
	}
	return m, nil
}

// findLoggedModel returns the logged model called name, produced by run
// sourceRunID in experiment expID, whose tag key equals value.
func (c *Client) findLoggedModel(ctx context.Context, expID, name, sourceRunID, key, value string) (loggedModel, bool, error) {
	filter := fmt.Sprintf("name = '%s' AND source_run_id = '%s'", strings.ReplaceAll(name, "'", "\\'"), sourceRunID)
	token := ""
	for {
		req := map[string]any{"experiment_ids": []string{expID}, "filter": filter, "max_results": 50}
		if token != "" {
			req["page_token"] = token
		}
		var got struct {
			Models []modelAnswer `json:"models"`
			Next   string        `json:"next_page_token"`
		}
		if err := c.call(ctx, http.MethodPost, pathLoggedModelSearch, nil, req, &got); err != nil {
			return loggedModel{}, false, err
		}
		for _, m := range got.Models {
			if m.Info.tag(key) == value {
				return m.Info, true, nil
			}
		}
		if got.Next == "" || len(got.Models) == 0 {
			return loggedModel{}, false, nil
		}
		token = got.Next
	}
}

// finalizeLoggedModel sets a logged model's final status (modelReady or
// modelUploadFailed). Setting the same status again is harmless.
func (c *Client) finalizeLoggedModel(ctx context.Context, modelID, status string) error {
	req := map[string]any{"model_id": modelID, "status": status}
	return c.call(ctx, http.MethodPatch, pathLoggedModels+"/"+url.PathEscape(modelID), nil, req, nil)
}

// logModelOutput records modelID as an output of run runID at step. MLflow
// refuses (with an internal error) to record the same pair twice, so a
// retry checks serverRun.hasOutput first.
func (c *Client) logModelOutput(ctx context.Context, runID, modelID string, step int64) error {
	req := map[string]any{"run_id": runID, "models": []map[string]any{{"model_id": modelID, "step": step}}}
	return c.call(ctx, http.MethodPost, pathRunOutputs, nil, req, nil)
}

// serverRun is what the tracker reads back of a run.
type serverRun struct {
	Info    RunInfo `json:"info"`
	Outputs struct {
		Models []struct {
			ModelID string `json:"model_id"`
		} `json:"model_outputs"`
	} `json:"outputs"`
}

// hasOutput reports whether modelID is an output of the run.
func (r serverRun) hasOutput(modelID string) bool {
	for _, o := range r.Outputs.Models {
		if o.ModelID == modelID {
			return true
		}
	}
	return false
}

// getRun reads run runID.
func (c *Client) getRun(ctx context.Context, runID string) (serverRun, error) {
	var got struct {
		Run serverRun `json:"run"`
	}
	err := c.call(ctx, http.MethodGet, pathRunGet, url.Values{"run_id": {runID}}, nil, &got)
	return got.Run, err
}
