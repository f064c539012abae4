package track

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/model"
)

// logOneModel logs a parent run with params, two steps of metrics and a
// model called "best", registered as "credit", and closes the tracker.
func logOneModel(t *testing.T, f *fakeMLflow, dir string) {
	t.Helper()
	m, err := model.Load(fixtureModel)
	if err != nil {
		t.Fatal(err)
	}
	tr := newTestTracker(t, f, dir, &reports{}, 0)
	run, err := tr.StartParent("tune", map[string]any{"eta": 0.1, "max_depth": 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr.LogMetrics(run, 0, map[string]float64{"auc": 0.5, "error": 0.4})
	tr.LogMetrics(run, 1, map[string]float64{"auc": 0.7})
	tr.LogMetrics(run, 1, map[string]float64{"auc": 0.75, "error": 0.2})
	if err := tr.LogModel(run, m, "best"); err != nil {
		t.Fatal(err)
	}
	if err := tr.RegisterModel(run, "best", "credit"); err != nil {
		t.Fatal(err)
	}
	if err := tr.End(run, Finished); err != nil {
		t.Fatal(err)
	}
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// checkOneModel asserts the fake holds exactly one READY logged model of
// the parent run, linked once, with the run's params and last-step metrics,
// its files in its own artifact location, and one registered version.
func checkOneModel(t *testing.T, f *fakeMLflow) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.models) != 1 {
		t.Fatalf("server holds %d logged models, want 1", len(f.models))
	}
	m := f.models[0]
	if m.name != "best" || m.run != "run0" || m.status != modelReady || m.outputs != 1 || m.exp != "1" {
		t.Errorf("logged model %+v: want name best, source run0, READY, linked once, experiment 1", *m)
	}
	if m.params["eta"] != "0.1" || m.params["max_depth"] != "4" || len(m.params) != 2 {
		t.Errorf("model params %v, want the run's", m.params)
	}
	if m.tags["mlflow.source.name"] != "test" || m.tags["mlflow.source.git.commit"] != "abc123" || m.tags[modelKeyTag] == "" {
		t.Errorf("model tags %v lack the source tags or the key", m.tags)
	}
	if len(m.metrics) != 2 {
		t.Errorf("model metrics %v, want auc and error at step 1", m.metrics)
	}
	for k, v := range m.metrics {
		if !strings.Contains(k, "|1|") || (strings.HasPrefix(k, "auc|") && v != 0.75) || (strings.HasPrefix(k, "error|") && v != 0.2) {
			t.Errorf("model metric %s = %v, want step 1's latest values", k, v)
		}
	}
	root := "1/models/" + m.id + "/artifacts/"
	for _, p := range []string{"MLmodel", "model.json", "requirements.txt", "conda.yaml", "python_env.yaml"} {
		if _, ok := f.artifacts[root+p]; !ok {
			t.Errorf("model file %s missing; have %v", p, keys(f.artifacts))
		}
	}
	for k := range f.artifacts {
		if strings.Contains(k, "/run0/artifacts/") {
			t.Errorf("model file %s also logged as a run artifact (MLflow 3's log_model does not)", k)
		}
	}
	ml := string(f.artifacts[root+"MLmodel"])
	for _, want := range []string{"model_id: " + m.id, "model_uuid: " + m.id, "run_id: run0", "artifact_path: mlflow-artifacts:/1/models/" + m.id + "/artifacts", "loader_module: mlflow.xgboost"} {
		if !strings.Contains(ml, want) {
			t.Errorf("uploaded MLmodel lacks %q:\n%s", want, ml)
		}
	}
	if got := f.sources["credit"]; len(got) != 1 || got[0] != "models:/"+m.id {
		t.Errorf("registered version sources %v, want one models:/%s", got, m.id)
	}
}

func TestLogModelCreatesOneLoggedModel(t *testing.T) {
	f := newFakeMLflow(t)
	dir := t.TempDir()
	logOneModel(t, f, dir)
	checkOneModel(t, f)
	left, _ := filepath.Glob(filepath.Join(dir, SpoolBlobDir, "*"))
	if len(left) != 0 {
		t.Errorf("spooled model files kept after the server took them: %v", left)
	}
}

func TestLostModelAnswersDoNotTwin(t *testing.T) {
	for _, path := range []string{pathLoggedModels, pathRunOutputs} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f := newFakeMLflow(t)
			f.dropAnswer(path) // the call takes effect, its answer is lost
			logOneModel(t, f, t.TempDir())
			checkOneModel(t, f)
		})
	}
}

// TestReplayAfterACrashFindsTheModel: the process died after the server
// made the model (and took every later call) but before the spool recorded
// it; a replay finds the model by its key and makes no twin, no second
// link and no second version.
func TestReplayAfterACrashFindsTheModel(t *testing.T) {
	for _, pending := range []bool{false, true} {
		t.Run(map[bool]string{false: "ready", true: "mid-upload"}[pending], func(t *testing.T) {
			replayAfterCrash(t, pending)
		})
	}
}

// replayAfterCrash: with pending, the crash came before the uploads (the
// model is PENDING with no files; its spooled files are still there).
func replayAfterCrash(t *testing.T, pending bool) {
	f := newFakeMLflow(t)
	dir := t.TempDir()
	logOneModel(t, f, dir)
	files := dropAcks(t, dir, kindModel, kindRegister)
	if pending {
		f.mu.Lock()
		f.models[0].status = "LOGGED_MODEL_PENDING"
		for k := range f.artifacts {
			if strings.Contains(k, "/models/") {
				delete(f.artifacts, k)
			}
		}
		f.mu.Unlock()
		restoreModelBlobs(t, dir, files)
	}
	res, err := Sync(context.Background(), f.config(), dir)
	if err != nil || res.Sent != 2 || res.Refused != 0 {
		t.Fatalf("sync after the crash: %+v, %v; want the model and register calls sent", res, err)
	}
	checkOneModel(t, f)
	if got := f.versions["credit"]; len(got) != 1 {
		t.Errorf("versions %v, want 1", got)
	}
}

// restoreModelBlobs writes the fixture's model directory back into the
// spooled copies files names (the tracker removed them once acknowledged).
func restoreModelBlobs(t *testing.T, dir string, files []spoolFile) {
	t.Helper()
	m, err := model.Load(fixtureModel)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	if err := SaveMLflowModel(src, m, ModelDirOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(src, f.Path), filepath.Join(dir, f.File)); err != nil {
			t.Fatal(err)
		}
	}
}

// dropAcks rewrites dir's spool without the acknowledgements of the calls
// of the given kinds, as if the process had died before writing them, and
// returns the model calls' spooled files.
func dropAcks(t *testing.T, dir string, kinds ...string) []spoolFile {
	t.Helper()
	p := filepath.Join(dir, SpoolFile)
	in, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	drop := map[int64]bool{}
	var keep []string
	var files []spoolFile
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		for _, k := range kinds {
			if r.Kind == k {
				drop[r.Seq] = true
				files = append(files, r.Files...)
			}
		}
		if len(r.Acks) > 0 && drop[r.Acks[0]] {
			continue
		}
		keep = append(keep, sc.Text())
	}
	in.Close()
	if len(drop) != len(kinds) {
		t.Fatalf("spool has %d calls of kinds %v, want one each", len(drop), kinds)
	}
	if err := os.WriteFile(p, []byte(strings.Join(keep, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return files
}

func TestRefusedModelUploadMarksTheModelFailed(t *testing.T) {
	f := newFakeMLflow(t)
	f.refuseUploads = "/models/"
	dir := t.TempDir()
	m, err := model.Load(fixtureModel)
	if err != nil {
		t.Fatal(err)
	}
	rep := &reports{}
	tr := newTestTracker(t, f, dir, rep, 0)
	run, _ := tr.StartParent("tune", nil, nil)
	if err := tr.LogModel(run, m, "model"); err != nil {
		t.Fatal(err)
	}
	tr.RegisterModel(run, "model", "credit")
	tr.End(run, Finished)
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.models) != 1 || f.models[0].status != modelUploadFailed {
		t.Fatalf("logged models %v, want one marked %s", f.models, modelUploadFailed)
	}
	if len(f.versions["credit"]) != 0 {
		t.Errorf("a model whose upload failed was registered: %v", f.versions["credit"])
	}
	if rep.count("upload failed for good") != 1 || rep.count("not registered") != 1 {
		t.Errorf("reports %v: want the failed upload and the skipped registration, once each", rep.lines)
	}
	if f.runs["run0"].status != "FINISHED" {
		t.Errorf("the run was not ended after the failed model: %s", f.runs["run0"].status)
	}
}

func TestLogModelRefusesBadNames(t *testing.T) {
	f := newFakeMLflow(t)
	tr := newTestTracker(t, f, t.TempDir(), &reports{}, 0)
	defer tr.Close(context.Background())
	run, _ := tr.StartParent("tune", nil, nil)
	m, err := model.Load(fixtureModel)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"", "models/best", "best.json", "a:b"} {
		if err := tr.LogModel(run, m, name); err == nil || !strings.Contains(err.Error(), "logged model names") {
			t.Errorf("LogModel name %q: %v, want the naming rule", name, err)
		}
	}
}

func TestWithModelIDsReplacesTopLevelKeysOnly(t *testing.T) {
	in := "flavors:\n  python_function:\n    model_id: keep\nmodel_uuid: abc\nutc_time_created: 'x'\n"
	got := string(withModelIDs([]byte(in), "m-1", "r1", "mlflow-artifacts:/1/models/m-1/artifacts"))
	want := "flavors:\n  python_function:\n    model_id: keep\nutc_time_created: 'x'\nartifact_path: mlflow-artifacts:/1/models/m-1/artifacts\nmodel_id: m-1\nmodel_uuid: m-1\nrun_id: r1\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLogModelCarriesManyParamsAndTheModelType(t *testing.T) {
	f := newFakeMLflow(t)
	tr, err := NewMLflow(f.config(), MLflowOptions{Dir: t.TempDir(), Report: (&reports{}).add, ModelType: "classifier"})
	if err != nil {
		t.Fatal(err)
	}
	params := map[string]any{}
	for i := range 250 {
		params[fmt.Sprintf("p%03d", i)] = i
	}
	run, err := tr.StartParent("tune", params, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(fixtureModel)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.LogModel(run, m, "model"); err != nil {
		t.Fatal(err)
	}
	if err := tr.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.models) != 1 || len(f.models[0].params) != 250 || f.models[0].params["p249"] != "249" || f.models[0].typ != "classifier" {
		t.Fatalf("logged models %v: want one of type classifier with 250 params", f.models)
	}
}

func TestMLflow2ServerGetsTheModelAsRunArtifacts(t *testing.T) {
	f := newFakeMLflow(t)
	f.mlflow2 = true
	dir := t.TempDir()
	logOneModel(t, f, dir)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range []string{"MLmodel", "model.json", "requirements.txt"} {
		if _, ok := f.artifacts["1/run0/artifacts/best/"+p]; !ok {
			t.Errorf("run artifact best/%s missing; have %v", p, keys(f.artifacts))
		}
	}
	if got := f.sources["credit"]; len(got) != 1 || got[0] != "mlflow-artifacts:/1/run0/artifacts/best" {
		t.Errorf("registered version sources %v, want the run's best directory", got)
	}
	st, err := readSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(st.pending()); n != 0 {
		t.Errorf("%d calls left unacknowledged", n)
	}
	for _, a := range st.acked {
		if a.Error != "" {
			t.Errorf("a call was refused: %s", a.Error)
		}
	}
}
