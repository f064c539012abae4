package track

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
)

// runKeyTag carries the tracker's own run id on the server, so that creating
// a run again after a lost answer finds the first one instead of making a
// twin.
const runKeyTag = "gotrain.run_key"

// applier sends spool calls to the server. It remembers what the server
// answered (experiment ids, run ids and artifact locations), which later
// calls need. It is used by one goroutine at a time.
type applier struct {
	c    *Client
	dir  string
	exps map[string]string
	runs map[string]RunInfo
	// models maps the tracker's model keys to the server's logged models.
	models map[string]*modelState
	// tried marks run creations that may have reached the server before:
	// retried in this process, or left unacknowledged by an earlier one.
	// Only those need a search for a twin first.
	tried map[int64]bool
}

func newApplier(c *Client, dir string) *applier {
	return &applier{c: c, dir: dir, exps: map[string]string{}, runs: map[string]RunInfo{}, models: map[string]*modelState{}, tried: map[int64]bool{}}
}

// learn records what an earlier acknowledgement said.
func (a *applier) learn(call, ack record) {
	switch {
	case call.Kind == kindRun && ack.RunID != "":
		a.runs[call.Run] = RunInfo{RunID: ack.RunID, ArtifactURI: ack.ArtifactURI, ExperimentID: ack.ExperimentID}
	case call.Kind == kindModel && ack.ModelID != "":
		m := &modelState{loggedModel: loggedModel{ID: ack.ModelID, ArtifactURI: ack.ArtifactURI}, linked: true, metricsSent: true, done: ack.Error == ""}
		if ack.Error != "" {
			m.failed = errors.New(ack.Error)
		}
		a.models[call.Model] = m
	case call.Kind == kindModel && ack.Error == "" && ack.ArtifactURI != "":
		a.models[call.Model] = &modelState{loggedModel: loggedModel{ArtifactURI: ack.ArtifactURI}, runArtifacts: true, done: true}
	}
}

// run returns the server's run for a tracker run id.
func (a *applier) run(local string) (RunInfo, error) {
	ri, ok := a.runs[local]
	if !ok {
		return RunInfo{}, permanent(fmt.Errorf("run %s was never created on the server (its creation failed earlier)", local))
	}
	return ri, nil
}

// apply sends calls, which are either one call or consecutive log calls,
// and returns the acknowledgement to spool.
func (a *applier) apply(ctx context.Context, calls []record) (record, error) {
	ack := record{}
	for _, c := range calls {
		ack.Acks = append(ack.Acks, c.Seq)
	}
	first := calls[0]
	switch first.Kind {
	case kindRun:
		ri, err := a.createRun(ctx, first)
		if err != nil {
			return ack, err
		}
		a.runs[first.Run] = ri
		ack.RunID, ack.ArtifactURI, ack.ExperimentID = ri.RunID, ri.ArtifactURI, ri.ExperimentID
	case kindLog:
		// Calls of several runs may come together; each run gets its own
		// requests. A retry may resend requests that already went through:
		// MLflow stores a metric (key, step, timestamp, value) once, and an
		// identical param or tag again is a no-op.
		for _, part := range splitByRun(calls) {
			if err := a.logRun(ctx, part); err != nil {
				return ack, err
			}
		}
	case kindArtifact:
		ri, err := a.run(first.Run)
		if err != nil {
			return ack, err
		}
		if err := a.c.UploadArtifact(ctx, ri.ArtifactURI, first.Path, filepath.Join(a.dir, first.File)); err != nil {
			return ack, err
		}
	case kindModel:
		ri, err := a.run(first.Run)
		if err != nil {
			return ack, err
		}
		m, err := a.logModel(ctx, ri, first)
		if m != nil {
			ack.ModelID, ack.ArtifactURI = m.ID, m.ArtifactURI
		}
		if err != nil {
			return ack, err
		}
	case kindRegister:
		ri, err := a.run(first.Run)
		if err != nil {
			return ack, err
		}
		v, err := a.register(ctx, ri, first)
		if err != nil {
			return ack, err
		}
		ack.Version = v
	case kindEnd:
		ri, err := a.run(first.Run)
		if err != nil {
			return ack, err
		}
		if err := a.c.UpdateRun(ctx, ri.RunID, first.Status, first.Time); err != nil {
			return ack, err
		}
	default:
		return ack, fmt.Errorf("unknown spool call kind %q (written by a newer gotrain?)", first.Kind)
	}
	return ack, nil
}

// logRun sends the log calls of one run in as few requests as MLflow's
// limits allow.
func (a *applier) logRun(ctx context.Context, calls []record) error {
	ri, err := a.run(calls[0].Run)
	if err != nil {
		return err
	}
	var b batch
	for _, c := range calls {
		b.Metrics = append(b.Metrics, c.Metrics...)
		b.Params = append(b.Params, c.Params...)
		b.Tags = append(b.Tags, c.Tags...)
	}
	for _, part := range splitBatch(b.Metrics, b.Params, b.Tags) {
		if err := a.c.LogBatch(ctx, ri.RunID, part.Metrics, part.Params, part.Tags); err != nil {
			return err
		}
	}
	return nil
}

// createRun finds the run made by an earlier attempt or creates it.
func (a *applier) createRun(ctx context.Context, call record) (RunInfo, error) {
	expID, ok := a.exps[call.Experiment]
	if !ok {
		id, err := a.c.Experiment(ctx, call.Experiment)
		if err != nil {
			return RunInfo{}, err
		}
		a.exps[call.Experiment], expID = id, id
	}
	if a.tried[call.Seq] {
		if ri, found, err := a.c.FindRunByTag(ctx, expID, runKeyTag, call.Run); err != nil {
			return RunInfo{}, err
		} else if found {
			return ri, nil
		}
	}
	tags := append([]Tag(nil), call.Tags...)
	if call.Parent != "" {
		p, err := a.run(call.Parent)
		if err != nil {
			return RunInfo{}, fmt.Errorf("child run %s: parent %w", call.Name, err)
		}
		tags = append(tags, Tag{"mlflow.parentRunId", p.RunID})
	}
	a.tried[call.Seq] = true
	return a.c.CreateRun(ctx, expID, call.Name, call.Time, tags)
}

// register adds the run's model as a new registered model version, unless
// an earlier attempt already did.
func (a *applier) register(ctx context.Context, ri RunInfo, call record) (string, error) {
	if call.Model != "" {
		return a.registerModel(ctx, ri, call)
	}
	if err := a.c.CreateRegisteredModel(ctx, call.Name); err != nil {
		return "", err
	}
	if v, found, err := a.c.FindModelVersion(ctx, call.Name, ri.RunID); err != nil {
		return "", err
	} else if found {
		return v, nil
	}
	return a.c.CreateModelVersion(ctx, call.Name, ri.ArtifactURI+"/"+call.Path, ri.RunID)
}
