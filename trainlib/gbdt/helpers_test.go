package gbdt

import "math"

func nanF() float64 { return math.NaN() }
