package track

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/model"
)

const fixtureModel = "../model/testdata/credit_logistic.json"

func TestSaveMLflowModelWritesTheFlavors(t *testing.T) {
	m, err := model.Load(fixtureModel)
	if err != nil {
		t.Fatalf("fixture %s: %v", fixtureModel, err)
	}
	dir := filepath.Join(t.TempDir(), "model")
	if err := SaveMLflowModel(dir, m, ModelDirOptions{PythonVersion: "3.12"}); err != nil {
		t.Fatal(err)
	}
	mlmodel, err := os.ReadFile(filepath.Join(dir, "MLmodel"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"loader_module: mlflow.xgboost", "model_format: json", "data: model.json",
		"python_version: '3.12'", "model_class: xgboost.core.Booster", "xgb_version: '3.2.0'"} {
		if !strings.Contains(string(mlmodel), want) {
			t.Errorf("MLmodel lacks %q:\n%s", want, mlmodel)
		}
	}
	back, err := model.Load(filepath.Join(dir, "model.json"))
	if err != nil || back.NumTrees() != m.NumTrees() {
		t.Fatalf("saved model does not load back: %v", err)
	}
	for _, f := range []string{"requirements.txt", "conda.yaml", "python_env.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestSaveMLflowModelFileKeepsUBJSON(t *testing.T) {
	dir := t.TempDir()
	if err := SaveMLflowModelFile(dir, "../model/testdata/credit_logistic.ubj", ModelDirOptions{}); err != nil {
		t.Fatal(err)
	}
	mlmodel, _ := os.ReadFile(filepath.Join(dir, "MLmodel"))
	if !strings.Contains(string(mlmodel), "model_format: ubj") || !strings.Contains(string(mlmodel), "data: model.ubj") {
		t.Fatalf("MLmodel for a UBJSON file:\n%s", mlmodel)
	}
	if err := SaveMLflowModelFile(dir, "does-not-exist.json", ModelDirOptions{}); err == nil {
		t.Fatal("missing model file accepted")
	}
}
