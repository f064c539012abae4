package gbdt

import (
	"math"
	"os"
)

func nanF() float64 { return math.NaN() }

func readFile(p string) ([]byte, error) { return os.ReadFile(p) }

func loglossOf(p, y float32) float64 {
	pd, yd := float64(p), float64(y)
	return -(yd*math.Log(math.Max(pd, 1e-16)) + (1-yd)*math.Log(math.Max(1-pd, 1e-16)))
}
