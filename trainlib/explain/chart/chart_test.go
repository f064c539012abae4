package chart

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestPNGSizeFollowsDPI(t *testing.T) {
	c, err := Importance(creditGain, ImportanceOptions{Kind: "gain", Size: Size{Width: 5 * vg.Inch, Height: 3 * vg.Inch, DPI: 200}})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(c.PNG()))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 1000 || got.Y < 600 {
		t.Errorf("PNG is %v pixels, want 1000 wide and at least 600 high", got)
	}
}

func TestSVGIsWellFormed(t *testing.T) {
	c, err := Importance(map[string]float64{`<feature & "name">`: 3, "b": 1}, ImportanceOptions{Kind: "weight"})
	if err != nil {
		t.Fatal(err)
	}
	svg := c.SVGChart().SVG()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG not well-formed: %v", err)
		}
	}
	if !strings.Contains(svg, "&lt;feature &amp;") {
		t.Error("feature name not escaped in the SVG")
	}
}

func TestSave(t *testing.T) {
	c, err := Importance(creditGain, ImportanceOptions{Kind: "gain"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"a.png", "a.svg"} {
		if err := c.Save(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "a.png"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Errorf("saved PNG does not decode: %v", err)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "a.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("@font-face")) {
		t.Error("saved SVG should embed its fonts")
	}
	if err := c.Save(filepath.Join(dir, "a.gif")); err == nil || !strings.Contains(err.Error(), ".png or .svg") {
		t.Errorf("unknown extension: error %v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Errorf("directory holds %d files, want just a.png and a.svg (no temporaries)", len(entries))
	}
}

func TestSaveIntoMissingDirectoryLeavesNothing(t *testing.T) {
	c, err := Importance(creditGain, ImportanceOptions{Kind: "gain"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "missing", "a.png")
	if err := c.Save(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("error %v, want one naming %s", err, path)
	}
}

func TestSaveOverDirectoryKeepsNoTemporary(t *testing.T) {
	// The rename fails when the target is a non-empty directory: the
	// temporary must be removed and the error must name the target.
	dir := t.TempDir()
	target := filepath.Join(dir, "chart.png")
	if err := os.MkdirAll(filepath.Join(target, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := Importance(creditGain, ImportanceOptions{Kind: "gain"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Save(target); err == nil || !strings.Contains(err.Error(), target) {
		t.Fatalf("error %v, want one naming %s", err, target)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed save, want only the blocking directory", len(entries))
	}
}
