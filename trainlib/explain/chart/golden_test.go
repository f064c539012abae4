package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// regen rewrites the golden PNGs in testdata/ instead of comparing:
//
//	go test ./trainlib/explain/chart -regen
var regen = flag.Bool("regen", false, "rewrite the golden images in testdata/")

// tolerance is the largest difference allowed in any colour channel of any
// pixel (out of 255): rendering is deterministic, this only absorbs
// rounding differences across platforms.
const tolerance = 3

// checkGolden renders c as PNG and compares its pixels with
// testdata/<name>.png, or rewrites that file under -regen.
func checkGolden(t *testing.T, c *Chart, name string) {
	t.Helper()
	got, err := c.EncodePNG()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+".png")
	if *regen {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden image missing: %v (run go test -regen to create it, then look at it)", err)
	}
	if err := samePixels(got, want); err != nil {
		// Outside t.TempDir, which the test removes, so it can be looked at.
		out := filepath.Join(os.TempDir(), "gotrain-chart-"+name+".png")
		_ = os.WriteFile(out, got, 0o644)
		t.Errorf("%s differs from the golden image: %v; got image kept at %s (run -regen if the change is intended)", path, err, out)
	}
}

// samePixels decodes two PNGs and reports the first pixel whose channels
// differ by more than tolerance.
func samePixels(a, b []byte) error {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return fmt.Errorf("decode rendered PNG: %w", err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("decode golden PNG: %w", err)
	}
	if ia.Bounds() != ib.Bounds() {
		return fmt.Errorf("size %v, golden %v", ia.Bounds().Size(), ib.Bounds().Size())
	}
	pa, pb := toNRGBA(ia), toNRGBA(ib)
	for i := range pa.Pix {
		d := int(pa.Pix[i]) - int(pb.Pix[i])
		if d > tolerance || d < -tolerance {
			px := i / 4
			w := pa.Rect.Dx()
			return fmt.Errorf("pixel (%d,%d) differs by %d/255", px%w, px/w, max(d, -d))
		}
	}
	return nil
}

// toNRGBA converts img to 8-bit non-premultiplied RGBA, anchored at (0, 0).
func toNRGBA(img image.Image) *image.NRGBA {
	r := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), img, r.Min, draw.Src)
	return out
}

func TestSamePixelsCatchesADifference(t *testing.T) {
	c, err := Importance(map[string]float64{"a": 1, "b": 2}, ImportanceOptions{Kind: "gain"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Importance(map[string]float64{"a": 1, "b": 3}, ImportanceOptions{Kind: "gain"})
	if err != nil {
		t.Fatal(err)
	}
	pa, pb := c.PNG(), d.PNG()
	if err := samePixels(pa, pa); err != nil {
		t.Fatalf("an image differs from itself: %v", err)
	}
	if samePixels(pa, pb) == nil {
		t.Fatal("charts of different values compare equal")
	}
}
