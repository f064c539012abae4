package explain

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

// ExplanationFile is the name of the batch job's explanation page.
const ExplanationFile = "explanation.html"

// ImportanceFile returns the batch job's file name for an importance chart
// of kind: feature_importance_gain.png, feature_importance_weight.png,
// feature_importance_cover.png, ….
func ImportanceFile(kind string) string { return "feature_importance_" + kind + ".png" }

// WriteImportanceCharts writes one PNG per kind (nil: DefaultChartKinds())
// into dir, each named by ImportanceFile and drawing its own kind, and
// returns the paths written. Every chart is drawn before any file is
// written, so bad input leaves no partial set behind.
func WriteImportanceCharts(dir string, m *model.Model, kinds []string, opt chart.ImportanceOptions) ([]string, error) {
	if kinds == nil {
		kinds = DefaultChartKinds()
	}
	charts := make([]*chart.Chart, len(kinds))
	for i, kind := range kinds {
		c, err := ImportanceChart(m, kind, opt)
		if err != nil {
			return nil, err
		}
		charts[i] = c
	}
	paths := make([]string, len(kinds))
	for i, c := range charts {
		paths[i] = filepath.Join(dir, ImportanceFile(kinds[i]))
		if err := c.Save(paths[i]); err != nil {
			return paths[:i], fmt.Errorf("explain: %w", err)
		}
	}
	return paths, nil
}

// WriteExplanation builds a Report of m (explaining rows, which may be nil)
// and writes it to dir/ExplanationFile, returning the path.
func WriteExplanation(ctx context.Context, dir string, m *model.Model, rows *data.Matrix, opt ReportOptions) (string, error) {
	r, err := NewReport(ctx, m, rows, opt)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, ExplanationFile)
	return path, r.WriteHTML(path)
}

// WriteHTML writes r's Document to path through a temporary file and a
// rename, so a failure leaves no partial page.
func (r *Report) WriteHTML(path string) error {
	doc, err := r.Document()
	if err != nil {
		return err
	}
	return writeFileAtomic(path, []byte(doc))
}

// writeFileAtomic writes b to path through a temporary file in the same
// directory and a rename.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("explain: write %s: %w", path, err)
	}
	_, werr := tmp.Write(b)
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("explain: write %s: %w", path, werr)
	}
	return nil
}
