package exec

import (
	"strings"
	"testing"
)

func TestDisplayPackage(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import ("fmt"; "github.com/gotrain/gotrain/kernel/display")
fmt.Println("before")
h := display.HTML("<b>0%</b>")
h.UpdateHTML("<b>100%</b>")
display.Markdown("# title")
display.JSON(map[string]int{"a": 1})
display.SVG("<svg/>")
display.Clear(true)`)
	ev := r.snapshot()
	var kinds []string
	for _, e := range ev {
		kinds = append(kinds, e.kind)
	}
	want := "stdout display update display display display clear"
	if strings.Join(kinds, " ") != want {
		t.Fatalf("events %v, want %s", kinds, want)
	}
	if ev[1].data["text/html"] != "<b>0%</b>" || ev[2].data["text/html"] != "<b>100%</b>" || ev[1].id == "" || ev[1].id != ev[2].id {
		t.Errorf("display/update: %+v %+v", ev[1], ev[2])
	}
	if ev[3].data["text/markdown"] != "# title" {
		t.Errorf("markdown: %+v", ev[3].data)
	}
	if m, ok := ev[4].data["application/json"].(map[string]any); !ok || m["a"] != float64(1) {
		t.Errorf("json: %+v", ev[4].data)
	}
}

func TestRichValues(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `type Table struct{ Rows int }
func (t Table) HTML() string { return "<table></table>" }
func (t Table) String() string { return "table" }`)
	res, _ := mustRun(t, s, "Table{3}")
	if res.Value["text/html"] != "<table></table>" || res.Value["text/plain"] != "table" {
		t.Errorf("interpreted HTML method: %+v", res.Value)
	}
	res, _ = mustRun(t, s, `import ("image"; "image/color")
img := image.NewRGBA(image.Rect(0, 0, 4, 4))
img.Set(1, 1, color.RGBA{255, 0, 0, 255})
img`)
	if _, ok := res.Value["image/png"].(string); !ok || res.Value["text/plain"] == "" {
		t.Errorf("image.Image: %v", keys(res.Value))
	}
	res, _ = mustRun(t, s, `import ("gonum.org/v1/plot"; "gonum.org/v1/plot/plotter")
p := plot.New()
p.Title.Text = "line"
l, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
p.Add(l)
p`)
	if png, ok := res.Value["image/png"].(string); !ok || len(png) < 100 || res.Value["text/plain"] != `<plot "line">` {
		t.Errorf("plot: %v %v", keys(res.Value), res.Value["text/plain"])
	}
	res, _ = mustRun(t, s, `"text"`)
	if res.Value["text/plain"] != `"text"` {
		t.Errorf("string value %v", res.Value)
	}
	res, _ = mustRun(t, s, `func nothing() {}
nothing()`)
	if res.Value != nil {
		t.Errorf("call without result shows %v", res.Value)
	}
	res, _ = mustRun(t, s, `func pair() (int, int) { return 1, 2 }
pair()`)
	if res.Value != nil {
		t.Errorf("two-valued call shows %v", res.Value)
	}
}

func keys(m MIMEBundle) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	return k
}
