package display

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/color"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

// recordSink keeps what a Display shows.
type recordSink struct {
	shown []map[string]any
	ids   []string
	upd   []bool
	clear int
}

func (r *recordSink) Display(data map[string]any, _ map[string]any, id string, update bool) {
	r.shown = append(r.shown, data)
	r.ids = append(r.ids, id)
	r.upd = append(r.upd, update)
}
func (r *recordSink) ClearOutput(bool)         { r.clear++ }
func (r *recordSink) Context() context.Context { return context.Background() }

type richThing struct{}

func (richThing) HTML() string     { return "<i>rich</i>" }
func (richThing) Markdown() string { return "*rich*" }
func (richThing) SVG() string      { return "<svg/>" }
func (richThing) PNG() []byte      { return []byte{1, 2, 3} }
func (richThing) JSON() []byte     { return []byte(`{"k":1}`) }
func (richThing) String() string   { return "rich thing" }

func TestRenderUsesEveryForm(t *testing.T) {
	b := Render(richThing{})
	if b["text/html"] != "<i>rich</i>" || b["text/markdown"] != "*rich*" || b["image/svg+xml"] != "<svg/>" ||
		b["image/png"] != base64.StdEncoding.EncodeToString([]byte{1, 2, 3}) || b["text/plain"] != "rich thing" {
		t.Errorf("bundle %v", b)
	}
	if m, ok := b["application/json"].(map[string]any); !ok || m["k"] != float64(1) {
		t.Errorf("json %v", b["application/json"])
	}
	img := image.NewRGBA(image.Rect(0, 0, 2, 3))
	img.Set(0, 0, color.White)
	if b := Render(img); b["text/plain"] != "<image 2x3>" || b["image/png"] == nil {
		t.Errorf("image bundle %v", b)
	}
	p := plot.New()
	if b := Render(p); b["image/png"] == nil || !strings.Contains(b["text/plain"].(string), "plot") {
		t.Errorf("plot bundle keys %v", b["text/plain"])
	}
	if b := Render(42); len(b) != 1 || b["text/plain"] != "42" {
		t.Errorf("plain value %v", b)
	}
}

type panicky struct{}

func (panicky) HTML() string { panic("broken renderer") }

func TestRenderSurvivesPanickingMethod(t *testing.T) {
	b := Render(panicky{})
	if !strings.Contains(b["text/plain"].(string), "rendering failed: broken renderer") {
		t.Errorf("bundle %v", b)
	}
}

func TestHandleUpdatesInPlace(t *testing.T) {
	r := &recordSink{}
	d := New(r)
	h := d.HTML("<b>0</b>")
	h.UpdateHTML("<b>1</b>")
	h.Update(richThing{})
	d.Clear(true)
	if len(r.shown) != 3 || r.ids[0] == "" || r.ids[0] != r.ids[1] || r.ids[1] != r.ids[2] || r.upd[0] || !r.upd[1] || !r.upd[2] {
		t.Fatalf("ids %v updates %v", r.ids, r.upd)
	}
	if r.shown[1]["text/html"] != "<b>1</b>" || r.clear != 1 {
		t.Errorf("update %v clear %d", r.shown[1], r.clear)
	}
	if h2 := d.Text("x"); h2.ID() == h.ID() {
		t.Errorf("two displays share id %s", h.ID())
	}
}

func TestJSONRefusesBadValues(t *testing.T) {
	r := &recordSink{}
	d := New(r)
	d.JSON(func() {})
	d.JSON([]byte("{not json"))
	for i, b := range r.shown {
		if _, ok := b["application/json"]; ok || !strings.Contains(b["text/plain"].(string), "not") {
			t.Errorf("display %d: %v", i, b)
		}
	}
}

func TestStandaloneWritesText(t *testing.T) {
	var buf bytes.Buffer
	d := New(textSink{w: &buf})
	d.Markdown("# hi")
	d.Show(7)
	if buf.String() != "# hi\n7\n" {
		t.Errorf("standalone output %q", buf.String())
	}
}

func ExampleDisplay_HTML() {
	// Outside the kernel, displays print their text/plain form.
	HTML("<b>bold</b>")
	Show(3.5)
	// Output:
	// <b>bold</b>
	// 3.5
}
