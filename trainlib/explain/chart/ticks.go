package chart

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// roundTicks labels boosting rounds with whole numbers at 1-2-5 steps,
// at most maxLabels of them when set.
type roundTicks struct{ maxLabels int }

// Ticks implements plot.Ticker.
func (t roundTicks) Ticks(lo, hi float64) []plot.Tick {
	step := niceStep((hi - lo) / 6)
	for t.maxLabels > 0 && countTicks(lo, hi, step) > t.maxLabels {
		step = niceStep(step * 1.01)
	}
	step = math.Max(1, math.Round(step))
	var ticks []plot.Tick
	start := math.Ceil(lo/step) * step
	if start < 1 {
		start = step
	}
	if lo <= 1 && start > 1 {
		ticks = append(ticks, plot.Tick{Value: 1, Label: "1"})
	}
	for v := start; v <= hi+1e-9; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', 0, 64)})
	}
	return ticks
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// logTicks marks a log axis with at most maxLabels labels: 1, 2 and 5 in
// each decade when they fit, else powers of ten (every k-th one if even
// those are too many); the rest are minor ticks.
type logTicks struct{ maxLabels int }

// Ticks implements plot.Ticker.
func (t logTicks) Ticks(lo, hi float64) []plot.Tick {
	if lo <= 0 || hi <= 0 {
		return nil
	}
	first := int(math.Floor(math.Log10(lo)))
	last := int(math.Ceil(math.Log10(hi)))
	limit := max(t.maxLabels, 2)
	inRange := func(v float64) bool { return v >= lo*(1-1e-9) && v <= hi*(1+1e-9) }
	count := func(ms ...int) int {
		n := 0
		for e := first; e <= last; e++ {
			for _, m := range ms {
				if inRange(float64(m) * math.Pow(10, float64(e))) {
					n++
				}
			}
		}
		return n
	}
	dense := count(1, 2, 5) <= limit
	every := max(1, (count(1)+limit-1)/limit)
	var ticks []plot.Tick
	for e := first; e <= last; e++ {
		p := math.Pow(10, float64(e))
		for m := 1; m < 10; m++ {
			v := float64(m) * p
			if !inRange(v) {
				continue
			}
			tk := plot.Tick{Value: v}
			if (m == 1 && (dense || e%every == 0)) || (dense && (m == 2 || m == 5)) {
				tk.Label = strconv.FormatFloat(v, 'g', -1, 64)
			}
			ticks = append(ticks, tk)
		}
	}
	return ticks
}

// intTicks labels integers in range, for small integer parameters such as
// max_depth: every one when they fit, else at 1-2-5 steps.
type intTicks struct{ maxLabels int }

// Ticks implements plot.Ticker.
func (t intTicks) Ticks(lo, hi float64) []plot.Tick {
	step := math.Max(1, math.Round(niceStep((hi-lo)/8)))
	for t.maxLabels > 0 && countTicks(lo, hi, step) > t.maxLabels {
		step = niceStep(step * 1.01)
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', 0, 64)})
	}
	return ticks
}

// niceTicks labels a linear axis at 1-2-5 steps, about five labels, all
// with the same number of decimals; with maxLabels set, the step grows
// until at most that many labels remain, so narrow axes stay legible.
type niceTicks struct{ maxLabels int }

// Ticks implements plot.Ticker.
func (t niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) {
		return []plot.Tick{{Value: lo, Label: formatValue(lo)}}
	}
	step := niceStep((hi - lo) / 5)
	for t.maxLabels > 0 && countTicks(lo, hi, step) > t.maxLabels {
		step = niceStep(step * 1.01)
	}
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	var ticks []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if v == 0 {
			v = 0 // no "-0" label
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', decimals, 64)})
	}
	return ticks
}

// Room allowed along an axis per tick label, by kind of label.
const (
	decimalLabel = 48 * vg.Length(1) // 0.125, 1500
	shortLabel   = 36 * vg.Length(1) // 0.01, 0.2 on a log axis
	intLabel     = 22 * vg.Length(1) // rounds, depths
)

// labelsFor is how many tick labels of the given room fit along w points
// of axis, at least two.
func labelsFor(w, room vg.Length) int { return max(2, int(w/room)) }

// countTicks is how many multiples of step lie in [lo, hi].
func countTicks(lo, hi, step float64) int {
	return int(math.Floor(hi/step+1e-9)-math.Ceil(lo/step-1e-9)) + 1
}
