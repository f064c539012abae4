package track

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// modelKeyTag carries the tracker's own key of a logged model on the
// server, so that logging it again after a lost answer or a crash finds the
// first one instead of making a twin.
const modelKeyTag = "gotrain.model_key"

// modelState is what the applier knows of one logged model and how far its
// model call got, so that a retry resumes instead of repeating.
type modelState struct {
	loggedModel
	// linkTried: a link to the run may have reached the server (MLflow
	// refuses a second one, so it is checked first).
	linkTried, linked, metricsSent bool
	// done: finalized READY (by this applier or an earlier attempt).
	done bool
	// runArtifacts: the server predates logged models (MLflow 2), so the
	// model directory went to the run's artifacts; ArtifactURI is then
	// its location there.
	runArtifacts bool
	// failed is why the upload failed for good (the model is then
	// finalized as failed and not registered).
	failed error
}

// logModel performs a model call the way mlflow.<flavor>.log_model does:
// create the logged model (params, tags, source run), link it to the run
// as an output at the call's step, record the run's metrics at that step on
// it, upload the model directory to the model's own artifact location, and
// finalize it READY, or UPLOAD_FAILED when an upload fails for good. It
// returns the model as soon as the server made it, also with an error.
func (a *applier) logModel(ctx context.Context, ri RunInfo, call record) (*modelState, error) {
	m, err := a.loggedModelFor(ctx, ri, call)
	if noLoggedModels(err) {
		return a.logModelAsRunArtifacts(ctx, ri, call)
	}
	if err != nil || m.done {
		return m, err
	}
	if err := a.linkModel(ctx, ri, m, call.Step); err != nil {
		return m, err
	}
	if !m.metricsSent && len(call.Metrics) > 0 {
		ms := make([]Metric, len(call.Metrics))
		for i, x := range call.Metrics {
			x.ModelID = m.ID
			ms[i] = x
		}
		// Resending is harmless: MLflow keeps one row per metric key,
		// step, timestamp and value for the run and for the model.
		for _, part := range splitBatch(ms, nil, nil) {
			if err := a.c.LogBatch(ctx, ri.RunID, part.Metrics, nil, nil); err != nil {
				return m, err
			}
		}
		m.metricsSent = true
	}
	if m.failed == nil {
		for _, f := range call.Files {
			err := a.uploadModelFile(ctx, ri, m, f)
			if err == nil {
				continue
			}
			if retryable(err) || ctx.Err() != nil {
				return m, err
			}
			m.failed = err
			break
		}
	}
	status := modelReady
	if m.failed != nil {
		status = modelUploadFailed
	}
	if err := a.c.finalizeLoggedModel(ctx, m.ID, status); err != nil {
		return m, err
	}
	m.done = m.failed == nil
	if m.failed != nil {
		return m, fmt.Errorf("logged model %s (%s): upload failed for good, marked %s on the server: %w", call.Name, m.ID, status, m.failed)
	}
	return m, nil
}

// noLoggedModels reports whether err says the server has no logged-model
// endpoints: an MLflow 2 server answers them with a bare 404.
func noLoggedModels(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Status == http.StatusNotFound && (ae.Code == "" || ae.Code == "ENDPOINT_NOT_FOUND") &&
		strings.HasPrefix(ae.Endpoint, http.MethodPost+" "+pathLoggedModels)
}

// logModelAsRunArtifacts logs the model directory the way MLflow 2 did, as
// the run's artifacts at the model's name, for a server without logged
// models; registration then uses the run's artifact location as source.
func (a *applier) logModelAsRunArtifacts(ctx context.Context, ri RunInfo, call record) (*modelState, error) {
	for _, f := range call.Files {
		if err := a.c.UploadArtifact(ctx, ri.ArtifactURI, call.Name+"/"+f.Path, filepath.Join(a.dir, f.File)); err != nil {
			return nil, err
		}
	}
	m := &modelState{loggedModel: loggedModel{ArtifactURI: ri.ArtifactURI + "/" + call.Name}, runArtifacts: true, done: true}
	a.models[call.Model] = m
	return m, nil
}

// loggedModelFor returns the server's model for call: the one this applier
// made or learned from an acknowledgement, the one an earlier attempt made
// (found by its key tag), or a new one.
func (a *applier) loggedModelFor(ctx context.Context, ri RunInfo, call record) (*modelState, error) {
	if m := a.models[call.Model]; m != nil {
		return m, nil
	}
	expID := ri.ExperimentID
	if expID == "" { // a run learned from an older spool's acknowledgement
		run, err := a.c.getRun(ctx, ri.RunID)
		if err != nil {
			return nil, err
		}
		expID = run.Info.ExperimentID
	}
	if a.tried[call.Seq] {
		lm, found, err := a.c.findLoggedModel(ctx, expID, call.Name, ri.RunID, modelKeyTag, call.Model)
		if err != nil {
			return nil, err
		}
		if found {
			// READY comes last: an earlier attempt did everything.
			m := &modelState{loggedModel: lm, linkTried: true, done: lm.Status == modelReady}
			a.models[call.Model] = m
			return m, nil
		}
	}
	a.tried[call.Seq] = true
	lm, err := a.c.createLoggedModel(ctx, expID, call.Name, call.ModelType, ri.RunID, call.Params, call.Tags)
	if lm.ID == "" {
		return nil, err
	}
	m := &modelState{loggedModel: lm}
	a.models[call.Model] = m
	return m, err
}

// linkModel records m as an output of the run at step, once.
func (a *applier) linkModel(ctx context.Context, ri RunInfo, m *modelState, step int64) error {
	if m.linked {
		return nil
	}
	if m.linkTried {
		run, err := a.c.getRun(ctx, ri.RunID)
		if err != nil {
			return err
		}
		if run.hasOutput(m.ID) {
			m.linked = true
			return nil
		}
	}
	m.linkTried = true
	if err := a.c.logModelOutput(ctx, ri.RunID, m.ID, step); err != nil {
		return err
	}
	m.linked = true
	return nil
}

// uploadModelFile sends one spooled file of the model directory to the
// model's artifact location. MLmodel gets the ids MLflow writes into it
// once the model exists: model_id, run_id, and the model's artifact_path.
func (a *applier) uploadModelFile(ctx context.Context, ri RunInfo, m *modelState, f spoolFile) error {
	local := filepath.Join(a.dir, f.File)
	if f.Path != "MLmodel" {
		return a.c.UploadArtifact(ctx, m.ArtifactURI, f.Path, local)
	}
	data, err := os.ReadFile(local)
	if err != nil {
		return permanent(fmt.Errorf("upload model file %s: %w", f.Path, err))
	}
	return a.c.upload(ctx, m.ArtifactURI, f.Path, bytes.NewReader(withModelIDs(data, m.ID, ri.RunID, m.ArtifactURI)))
}

// withModelIDs sets the model_uuid, model_id, run_id and artifact_path
// lines of an MLmodel file (top-level keys, one line each).
func withModelIDs(mlmodel []byte, modelID, runID, artifactURI string) []byte {
	set := map[string]string{"model_uuid": modelID, "model_id": modelID, "run_id": runID, "artifact_path": artifactURI}
	var out []string
	for _, line := range strings.Split(strings.TrimRight(string(mlmodel), "\n"), "\n") {
		key, _, ok := strings.Cut(line, ":")
		if _, ours := set[key]; ok && ours {
			continue
		}
		out = append(out, line)
	}
	for _, k := range sortedKeys(set) {
		out = append(out, fmt.Sprintf("%s: %s", k, set[k]))
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// registerModel adds the logged model of call as a new version of the
// registered model call.Name, with source models:/<model_id>, unless an
// earlier attempt already did.
func (a *applier) registerModel(ctx context.Context, ri RunInfo, call record) (string, error) {
	m := a.models[call.Model]
	switch {
	case m != nil && m.runArtifacts:
		if err := a.c.CreateRegisteredModel(ctx, call.Name); err != nil {
			return "", err
		}
		if v, found, err := a.c.FindModelVersion(ctx, call.Name, ri.RunID); err != nil || found {
			return v, err
		}
		return a.c.CreateModelVersion(ctx, call.Name, m.ArtifactURI, ri.RunID)
	case m == nil:
		return "", permanent(fmt.Errorf("register model %s: the model %s of run %s was never created on the server (its logging was refused earlier)", call.Name, call.Path, ri.RunID))
	case m.failed != nil:
		return "", permanent(fmt.Errorf("register model %s: the upload of logged model %s failed, so it is not registered", call.Name, m.ID))
	}
	if err := a.c.CreateRegisteredModel(ctx, call.Name); err != nil {
		return "", err
	}
	if v, found, err := a.c.FindModelVersion(ctx, call.Name, ri.RunID); err != nil {
		return "", err
	} else if found {
		return v, nil
	}
	return a.c.createModelVersion(ctx, call.Name, "models:/"+m.ID, ri.RunID, m.ID)
}
