//go:build ignore

// logo_gen draws the kernel's logos: a small decision tree (the trees
// gotrain trains) in white on Go's cyan, as 32×32 and 64×64 PNGs and an SVG
// with the same geometry. Run by `go generate ./kernelspec`.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// Geometry in a 64-unit square.
var (
	bg    = color.NRGBA{0x00, 0xAD, 0xD8, 0xFF}
	fg    = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	nodes = [][2]float64{{32, 14}, {18, 32}, {46, 32}, {10, 50}, {26, 50}, {38, 50}, {54, 50}}
	edges = [][2]int{{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}}
)

const (
	corner = 12.0 // background corner radius
	radius = 6.0  // node radius
	stroke = 4.0  // edge width
)

func main() {
	for _, size := range []int{32, 64} {
		write(fmt.Sprintf("logo-%dx%d.png", size, size), drawPNG(size))
	}
	write("logo-svg.svg", svg())
}

func write(name string, data []byte) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

// drawPNG renders with 8×8 supersampling per pixel for smooth edges.
func drawPNG(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 8
	scale := 64 / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var inBG, inFG int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					px := (float64(x) + (float64(sx)+0.5)/ss) * scale
					py := (float64(y) + (float64(sy)+0.5)/ss) * scale
					if insideRoundedSquare(px, py) {
						inBG++
						if insideTree(px, py) {
							inFG++
						}
					}
				}
			}
			cover := float64(inBG) / ss / ss
			t := float64(inFG) / float64(max(inBG, 1))
			mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
			img.SetNRGBA(x, y, color.NRGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), uint8(math.Round(255 * cover))})
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

func insideRoundedSquare(x, y float64) bool {
	cx := math.Max(corner, math.Min(64-corner, x))
	cy := math.Max(corner, math.Min(64-corner, y))
	return math.Hypot(x-cx, y-cy) <= corner
}

func insideTree(x, y float64) bool {
	for _, n := range nodes {
		if math.Hypot(x-n[0], y-n[1]) <= radius {
			return true
		}
	}
	for _, e := range edges {
		a, b := nodes[e[0]], nodes[e[1]]
		if segmentDistance(x, y, a, b) <= stroke/2 {
			return true
		}
	}
	return false
}

func segmentDistance(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((x-a[0])*dx + (y-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}

func svg() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">\n")
	fmt.Fprintf(&b, "  <title>gotrain</title>\n")
	fmt.Fprintf(&b, "  <rect width=\"64\" height=\"64\" rx=\"%g\" fill=\"#00ADD8\"/>\n", corner)
	fmt.Fprintf(&b, "  <g stroke=\"#FFFFFF\" stroke-width=\"%g\" fill=\"#FFFFFF\">\n", stroke)
	for _, e := range edges {
		a, c := nodes[e[0]], nodes[e[1]]
		fmt.Fprintf(&b, "    <line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\"/>\n", a[0], a[1], c[0], c[1])
	}
	for _, n := range nodes {
		fmt.Fprintf(&b, "    <circle cx=\"%g\" cy=\"%g\" r=\"%g\" stroke=\"none\"/>\n", n[0], n[1], radius)
	}
	fmt.Fprintf(&b, "  </g>\n</svg>\n")
	return b.Bytes()
}
