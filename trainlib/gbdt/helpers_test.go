package gbdt

import (
	"math"
	"os"
)

func nanF() float64 { return math.NaN() }

func readFile(p string) ([]byte, error) { return os.ReadFile(p) }

// loglossOf is a row's logloss as XGBoost 3.2 computes it, in float32.
func loglossOf(p, y float32) float64 {
	logf := func(x float32) float32 { return float32(math.Log(float64(x))) }
	return float64(-y*logf(max(p, 1e-16)) - (1-y)*logf(max(1-p, 1e-16)))
}
