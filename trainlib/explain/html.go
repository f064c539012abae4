package explain

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// css styles every explanation; all selectors sit under .gotrain-explain so
// the notebook page around an output keeps its own look.
const css = `.gotrain-explain{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:13px;color:#222;line-height:1.4}
.gotrain-explain h2{font-size:17px;margin:14px 0 6px}
.gotrain-explain h3{font-size:14px;margin:12px 0 4px}
.gotrain-explain p{margin:2px 0 6px}
.gotrain-explain table{border-collapse:collapse;margin:4px 0 14px}
.gotrain-explain th{text-align:left;border-bottom:1px solid #999;padding:3px 12px 3px 8px;font-weight:600}
.gotrain-explain td{padding:2px 12px 2px 8px;border:none}
.gotrain-explain td.num{text-align:right;font-family:ui-monospace,Menlo,Consolas,monospace;font-variant-numeric:tabular-nums}
.gotrain-explain tr.total td{border-top:1px solid #999;font-weight:600}
.gotrain-explain .note{color:#666;font-style:italic}
.gotrain-explain img{max-width:100%;height:auto;display:block;margin:6px 0 12px}`

// Colour hues: green for what raises the score, red for what lowers it.
const (
	hueUp   = 120
	hueDown = 0
)

// shade returns the background colour of a value whose magnitude is the
// given share of the largest one: the larger, the deeper the hue.
func shade(v, largest float64) template.CSS {
	if v == 0 || largest == 0 {
		return "transparent"
	}
	hue := hueUp
	if v < 0 {
		hue = hueDown
	}
	share := math.Min(math.Abs(v)/largest, 1)
	light := 96 - 18*math.Sqrt(share)
	// Built from numbers only, so it is safe to mark as CSS.
	return template.CSS(fmt.Sprintf("background-color: hsl(%d, 100%%, %.1f%%)", hue, light))
}

// weightRow is one table row of a weights view.
type weightRow struct {
	Weight  string
	Feature string
	Style   template.CSS
}

// predRow is one table row of a prediction view.
type predRow struct {
	Contribution string
	Feature      string
	Value        string
	Style        template.CSS
}

var fragments = template.Must(template.New("fragments").Parse(`
{{- define "weights" -}}
<h3>Feature weights (normalised {{.Kind}})</h3>
<p>Each feature's share of the model's total {{.Kind}}; the shares sum to 1.</p>
<table class="weights">
<thead><tr><th>Weight</th><th>Feature</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr style="{{.Style}}"><td class="num">{{.Weight}}</td><td>{{.Feature}}</td></tr>
{{- end}}
{{- if .Hidden}}
<tr><td colspan="2" class="note">… {{.Hidden}} more …</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}

{{- define "prediction" -}}
<h3>{{.Headline}}</h3>
<p>Contributions by {{.Method}}: green raises the score, red lowers it; with the bias they sum to the margin.</p>
<table class="prediction">
<thead><tr><th>Contribution</th><th>Feature</th><th>Value</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr style="{{.Style}}"><td class="num">{{.Contribution}}</td><td>{{.Feature}}</td><td class="num">{{.Value}}</td></tr>
{{- end}}
<tr style="{{.BiasStyle}}"><td class="num">{{.Bias}}</td><td>&lt;BIAS&gt;</td><td></td></tr>
<tr class="total"><td class="num">{{.Margin}}</td><td>margin</td><td></td></tr>
</tbody>
</table>
{{- if .Zero}}
<p class="note">{{.Zero}} not shown.</p>
{{- end}}
{{- end}}

{{- define "fragment" -}}
<div class="gotrain-explain"><style>{{.CSS}}</style>
{{template "body" .}}
</div>
{{- end}}
`))

// weightsView prepares w for the template.
func weightsView(w *Weights) map[string]any {
	largest := 0.0
	for _, r := range w.Rows {
		largest = math.Max(largest, r.Weight)
	}
	rows := make([]weightRow, len(w.Rows))
	for i, r := range w.Rows {
		rows[i] = weightRow{Weight: fmt.Sprintf("%.4f", r.Weight), Feature: r.Feature, Style: shade(r.Weight, largest)}
	}
	return map[string]any{"Kind": w.Kind, "Rows": rows, "Hidden": w.Hidden}
}

// predictionView prepares p for the template.
func predictionView(p *Prediction) map[string]any {
	shown := p.Shown(0)
	largest := math.Abs(p.Bias)
	for _, r := range shown {
		largest = math.Max(largest, math.Abs(r.Contribution))
	}
	rows := make([]predRow, len(shown))
	for i, r := range shown {
		rows[i] = predRow{
			Contribution: signed(r.Contribution), Feature: r.Feature,
			Value: formatFeatureValue(r.Value), Style: shade(r.Contribution, largest),
		}
	}
	return map[string]any{
		"Headline": p.headline(), "Method": methodName(p.Method), "Rows": rows,
		"Bias": signed(p.Bias), "BiasStyle": shade(p.Bias, largest), "Margin": signed(p.Margin),
		"Zero": zeroNoteOrEmpty(len(p.Rows) - len(shown)),
	}
}

// fragment renders one named template inside a styled div, the shape the
// notebook shows as text/html.
func fragment(name string, view any) (string, error) {
	t, err := fragments.Clone()
	if err != nil {
		return "", err
	}
	if _, err := t.New("body").Parse(`{{template "` + name + `" .View}}`); err != nil {
		return "", err
	}
	var b strings.Builder
	err = t.ExecuteTemplate(&b, "fragment", map[string]any{"CSS": template.CSS(css), "View": view})
	return b.String(), err
}

// HTML renders the weights as a self-contained HTML fragment for the
// notebook (text/html). It returns an error message in HTML if rendering
// fails, which the fixed templates do not.
func (w *Weights) HTML() string {
	s, err := fragment("weights", weightsView(w))
	if err != nil {
		return "<pre>" + template.HTMLEscapeString(err.Error()) + "</pre>"
	}
	return s
}

// HTML renders the explanation as a self-contained HTML fragment for the
// notebook (text/html).
func (p *Prediction) HTML() string {
	s, err := fragment("prediction", predictionView(p))
	if err != nil {
		return "<pre>" + template.HTMLEscapeString(err.Error()) + "</pre>"
	}
	return s
}

// zeroNoteOrEmpty is zeroNote, or "" when every feature contributes.
func zeroNoteOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return zeroNote(n)
}
