package explain

import (
	"context"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)

// Report gathers a model's explanations into one page: importance charts,
// the global weights and per-prediction explanations.
type Report struct {
	Title       string
	Charts      []*chart.Chart
	Weights     *Weights
	Predictions []*Prediction
}

// ReportOptions choose what a Report holds.
type ReportOptions struct {
	// Title heads the page; empty means "Model explanation".
	Title string
	// ChartKinds are the importance kinds drawn; nil means gain, weight
	// and cover, the batch job's three charts.
	ChartKinds []string
	// Chart shapes each importance chart; its Kind is set per chart.
	Chart chart.ImportanceOptions
	// Weights and Prediction shape the tables.
	Weights    WeightsOptions
	Prediction PredictionOptions
	// RowNames name the explained rows; nil means "row 0", "row 1", ….
	RowNames []string
}

// DefaultChartKinds returns the importance kinds the batch job draws:
// gain, weight and cover (a fresh slice each call).
func DefaultChartKinds() []string { return []string{model.Gain, model.Weight, model.Cover} }

// NewReport explains m: importance charts, weights and, when rows is not
// nil, one explanation per row of rows (keep it to a few rows: each is a
// table on the page).
func NewReport(ctx context.Context, m *model.Model, rows *data.Matrix, opt ReportOptions) (*Report, error) {
	r := &Report{Title: opt.Title}
	if r.Title == "" {
		r.Title = "Model explanation"
	}
	kinds := opt.ChartKinds
	if kinds == nil {
		kinds = DefaultChartKinds()
	}
	for _, kind := range kinds {
		c, err := ImportanceChart(m, kind, opt.Chart)
		if err != nil {
			return nil, err
		}
		r.Charts = append(r.Charts, c)
	}
	w, err := ExplainWeights(m, opt.Weights)
	if err != nil {
		return nil, err
	}
	r.Weights = w
	if rows != nil {
		ps, err := ExplainRows(ctx, m, rows, opt.RowNames, opt.Prediction)
		if err != nil {
			return nil, err
		}
		r.Predictions = ps
	}
	return r, nil
}

// ImportanceChart draws m's importance of one kind.
func ImportanceChart(m *model.Model, kind string, opt chart.ImportanceOptions) (*chart.Chart, error) {
	imp, err := m.Importance(kind)
	if err != nil {
		return nil, fmt.Errorf("explain: importance chart: %w", err)
	}
	opt.Kind = kind
	c, err := chart.Importance(imp, opt)
	if err != nil {
		return nil, fmt.Errorf("explain: %s importance chart: %w", kind, err)
	}
	return c, nil
}

var page = template.Must(template.Must(fragments.Clone()).Parse(`
{{- define "report" -}}
<h2>{{.Title}}</h2>
{{- range .Charts}}
<img alt="{{.Alt}}" src="{{.Src}}" width="{{.Width}}"/>
{{- end}}
{{- if .Weights}}
{{template "weights" .Weights}}
{{- end}}
{{- range .Predictions}}
{{template "prediction" .View}}
{{- with .Chart}}
<img alt="{{.Alt}}" src="{{.Src}}" width="{{.Width}}"/>
{{- end}}
{{- end}}
{{- end}}

{{- define "document" -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<div class="gotrain-explain">
{{template "report" .}}
</div>
</body>
</html>
{{end}}
`))

// chartView is an importance chart inlined as a PNG data URL.
type chartView struct {
	Alt   string
	Src   template.URL
	Width int
}

// view prepares r for the templates, encoding each chart as PNG.
func (r *Report) view() (map[string]any, error) {
	charts := make([]chartView, len(r.Charts))
	for i, c := range r.Charts {
		v, err := inline(c)
		if err != nil {
			return nil, err
		}
		charts[i] = v
	}
	v := map[string]any{"Title": r.Title, "Charts": charts, "CSS": template.CSS(css)}
	if r.Weights != nil {
		v["Weights"] = weightsView(r.Weights)
	}
	preds := make([]map[string]any, len(r.Predictions))
	for i, p := range r.Predictions {
		preds[i] = map[string]any{"View": predictionView(p)}
		// A prediction with no contributing feature has no bars to draw.
		if c, err := p.Chart(chart.ContributionOptions{}); err == nil {
			v, err := inline(c)
			if err != nil {
				return nil, err
			}
			preds[i]["Chart"] = &v
		}
	}
	v["Predictions"] = preds
	return v, nil
}

// inline encodes c as a PNG data URL for an <img>, shown at its size in CSS
// pixels (96 per inch).
func inline(c *chart.Chart) (chartView, error) {
	png, err := c.EncodePNG()
	if err != nil {
		return chartView{}, err
	}
	// A data: URL built from our own base64 is safe to mark as a URL.
	src := template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	return chartView{Alt: c.Title(), Src: src, Width: int(c.Size().Width / 72 * 96)}, nil
}

// Document renders r as a complete, self-contained HTML page: inline CSS,
// charts as data URLs, nothing fetched from the network.
func (r *Report) Document() (string, error) {
	v, err := r.view()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := page.ExecuteTemplate(&b, "document", v); err != nil {
		return "", fmt.Errorf("explain: render report: %w", err)
	}
	return b.String(), nil
}

// HTML renders r as a fragment for the notebook (text/html).
func (r *Report) HTML() string {
	v, err := r.view()
	if err == nil {
		var b strings.Builder
		b.WriteString(`<div class="gotrain-explain"><style>`)
		b.WriteString(css)
		b.WriteString("</style>\n")
		if err = page.ExecuteTemplate(&b, "report", v); err == nil {
			b.WriteString("\n</div>")
			return b.String()
		}
	}
	return "<pre>" + template.HTMLEscapeString(err.Error()) + "</pre>"
}

// String renders r as plain text: the chart summaries, the weights and each
// explanation.
func (r *Report) String() string {
	var b strings.Builder
	b.WriteString(r.Title)
	b.WriteString("\n\n")
	for _, c := range r.Charts {
		b.WriteString(c.String())
		b.WriteString("\n")
	}
	if r.Weights != nil {
		b.WriteString(r.Weights.String())
		b.WriteString("\n")
	}
	for _, p := range r.Predictions {
		b.WriteString(p.String())
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
