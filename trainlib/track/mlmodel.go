package track

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gotrain/gotrain/trainlib/model"
)

// ModelDirOptions describe the Python environment an MLflow model directory
// declares. The zero value declares the versions gotrain is tested with.
type ModelDirOptions struct {
	// MLflowVersion, XGBoostVersion and PythonVersion are written into
	// MLmodel, requirements.txt, conda.yaml and python_env.yaml.
	MLflowVersion, XGBoostVersion, PythonVersion string
	// Now is the creation time written into MLmodel (time.Now when zero).
	Now time.Time
}

func (o ModelDirOptions) withDefaults() ModelDirOptions {
	if o.MLflowVersion == "" {
		o.MLflowVersion = "3.17.2"
	}
	if o.XGBoostVersion == "" {
		o.XGBoostVersion = "3.2.0"
	}
	if o.PythonVersion == "" {
		o.PythonVersion = "3.11"
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// SaveMLflowModel writes m as an MLflow model directory in dir (created if
// needed): the model in XGBoost's JSON format, and an MLmodel file with the
// xgboost and python_function flavors, so that mlflow.xgboost.load_model and
// mlflow.pyfunc.load_model read it.
func SaveMLflowModel(dir string, m *model.Model, opt ModelDirOptions) error {
	if m == nil {
		return fmt.Errorf("mlflow model %s: no model given", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("mlflow model %s: %w", dir, err)
	}
	if err := m.Save(filepath.Join(dir, "model.json")); err != nil {
		return fmt.Errorf("mlflow model %s: save the model: %w", dir, err)
	}
	return writeModelMeta(dir, "model.json", opt)
}

// SaveMLflowModelFile is SaveMLflowModel for a model already saved by
// XGBoost or gotrain: the JSON or UBJSON file is copied into dir.
func SaveMLflowModelFile(dir, modelFile string, opt ModelDirOptions) error {
	src, err := os.Open(modelFile)
	if err != nil {
		return fmt.Errorf("mlflow model: %w", err)
	}
	defer src.Close()
	head := make([]byte, 64)
	n, _ := io.ReadFull(src, head)
	if n == 0 {
		return fmt.Errorf("mlflow model: %s is empty", modelFile)
	}
	name := "model.ubj"
	if looksLikeJSON(head[:n]) {
		name = "model.json"
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("mlflow model: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("mlflow model %s: %w", dir, err)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, src); err != nil {
		return fmt.Errorf("mlflow model: read %s: %w", modelFile, err)
	}
	if err := writeFileAtomic(filepath.Join(dir, name), buf.Bytes()); err != nil {
		return err
	}
	return writeModelMeta(dir, name, opt)
}

// writeModelMeta writes MLmodel and the environment files next to the model
// file called data.
func writeModelMeta(dir, data string, opt ModelDirOptions) error {
	opt = opt.withDefaults()
	st, err := os.Stat(filepath.Join(dir, data))
	if err != nil {
		return fmt.Errorf("mlflow model %s: %w", dir, err)
	}
	format := "json"
	if filepath.Ext(data) == ".ubj" {
		format = "ubj"
	}
	id := make([]byte, 16)
	_, _ = rand.Read(id)
	files := map[string]string{
		"MLmodel": fmt.Sprintf(`flavors:
  python_function:
    data: %[1]s
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.xgboost
    python_version: '%[2]s'
  xgboost:
    code: null
    data: %[1]s
    model_class: xgboost.core.Booster
    model_format: %[3]s
    xgb_version: '%[4]s'
mlflow_version: '%[5]s'
model_size_bytes: %[6]d
model_uuid: %[7]s
utc_time_created: '%[8]s'
`, data, opt.PythonVersion, format, opt.XGBoostVersion, opt.MLflowVersion, st.Size(), hex.EncodeToString(id),
			opt.Now.UTC().Format("2006-01-02 15:04:05.000000")),
		"requirements.txt": fmt.Sprintf("mlflow==%s\nxgboost==%s\n", opt.MLflowVersion, opt.XGBoostVersion),
		"conda.yaml": fmt.Sprintf(`channels:
- conda-forge
dependencies:
- python=%s
- pip
- pip:
  - mlflow==%s
  - xgboost==%s
name: mlflow-env
`, opt.PythonVersion, opt.MLflowVersion, opt.XGBoostVersion),
		"python_env.yaml": fmt.Sprintf(`python: '%s'
build_dependencies:
- pip
- setuptools
- wheel
dependencies:
- -r requirements.txt
`, opt.PythonVersion),
	}
	for name, content := range files {
		if err := writeFileAtomic(filepath.Join(dir, name), []byte(content)); err != nil {
			return err
		}
	}
	return nil
}

// looksLikeJSON tells XGBoost JSON from UBJSON, which both start with '{':
// in JSON the next non-blank byte opens a key string (or closes the object);
// in UBJSON it is a type marker for the key's length.
func looksLikeJSON(head []byte) bool {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) < 2 || t[0] != '{' {
		return false
	}
	t = bytes.TrimLeft(t[1:], " \t\r\n")
	return len(t) > 0 && (t[0] == '"' || t[0] == '}')
}
