package tune

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// Domain is a range of values a parameter is sampled from.
type Domain interface {
	// Sample draws one value with r.
	Sample(r *rand.Rand) any
	// String describes the domain, as Ray would write it.
	String() string
}

// numeric is a Domain that maps onto the unit interval, where TPE models
// it: toUnit and fromUnit are inverse up to quantisation.
type numeric interface {
	Domain
	toUnit(v any) float64
	fromUnit(u float64) any
}

// Space maps XGBoost parameter names (eta, max_depth, …) to a Domain to
// sample or to a fixed value (number, string, bool) passed unchanged.
type Space map[string]any

// Config is one trial's parameters: sampled values and fixed ones.
type Config map[string]any

// SeedSpace is the reference workflow's space: eta log-uniform in
// [0.003, 0.3] and max_depth an integer in [2, 6], 6 included.
func SeedSpace() Space {
	return Space{"eta": LogUniform{0.003, 0.3}, "max_depth": IntInclusive(2, 6)}
}

// names returns the space's keys sorted, so sampling order is fixed.
func (s Space) names() []string {
	ks := make([]string, 0, len(s))
	for k := range s {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Validate reports the first domain whose bounds make no sense.
func (s Space) Validate() error {
	for _, k := range s.names() {
		if v, ok := s[k].(interface{ validate() error }); ok {
			if err := v.validate(); err != nil {
				return fmt.Errorf("tune: space %q: %w", k, err)
			}
		}
	}
	return nil
}

// LogUniform samples uniformly in log space in [Low, High); both must be
// positive (Ray's tune.loguniform).
type LogUniform struct{ Low, High float64 }

// Sample implements Domain.
func (d LogUniform) Sample(r *rand.Rand) any { return d.fromUnit(r.Float64()) }

// String implements Domain.
func (d LogUniform) String() string { return fmt.Sprintf("loguniform(%g, %g)", d.Low, d.High) }

func (d LogUniform) toUnit(v any) float64 {
	return (math.Log(toFloat(v)) - math.Log(d.Low)) / (math.Log(d.High) - math.Log(d.Low))
}

func (d LogUniform) fromUnit(u float64) any {
	return math.Exp(math.Log(d.Low) + u*(math.Log(d.High)-math.Log(d.Low)))
}

func (d LogUniform) validate() error {
	if !(d.Low > 0 && d.High > d.Low) {
		return fmt.Errorf("loguniform needs 0 < low < high, got low %g high %g", d.Low, d.High)
	}
	return nil
}

// Uniform samples uniformly in [Low, High) (Ray's tune.uniform).
type Uniform struct{ Low, High float64 }

// Sample implements Domain.
func (d Uniform) Sample(r *rand.Rand) any { return d.fromUnit(r.Float64()) }

// String implements Domain.
func (d Uniform) String() string { return fmt.Sprintf("uniform(%g, %g)", d.Low, d.High) }

func (d Uniform) toUnit(v any) float64   { return (toFloat(v) - d.Low) / (d.High - d.Low) }
func (d Uniform) fromUnit(u float64) any { return d.Low + u*(d.High-d.Low) }

func (d Uniform) validate() error {
	if !(d.High > d.Low) {
		return fmt.Errorf("uniform needs low < high, got low %g high %g", d.Low, d.High)
	}
	return nil
}

// QUniform samples uniformly in [Low, High] and rounds to a multiple of Q
// (Ray's tune.quniform).
type QUniform struct{ Low, High, Q float64 }

// Sample implements Domain.
func (d QUniform) Sample(r *rand.Rand) any { return d.fromUnit(r.Float64()) }

// String implements Domain.
func (d QUniform) String() string { return fmt.Sprintf("quniform(%g, %g, %g)", d.Low, d.High, d.Q) }

func (d QUniform) toUnit(v any) float64 { return (toFloat(v) - d.Low) / (d.High - d.Low) }

func (d QUniform) fromUnit(u float64) any {
	v := math.Round((d.Low+u*(d.High-d.Low))/d.Q) * d.Q
	return math.Min(math.Max(v, d.Low), d.High)
}

func (d QUniform) validate() error {
	if !(d.High > d.Low) || !(d.Q > 0) {
		return fmt.Errorf("quniform needs low < high and q > 0, got low %g high %g q %g", d.Low, d.High, d.Q)
	}
	return nil
}

// IntRange samples integers uniformly from Low up to High, High included
// only when Inclusive is set. Build it with IntInclusive or RandInt, whose
// names say which.
type IntRange struct {
	Low, High int
	Inclusive bool
}

// IntInclusive samples integers in [low, high]: IntInclusive(2, 6) can
// give 6 (Ray's tune.randint(2, 7)).
func IntInclusive(low, high int) IntRange { return IntRange{low, high, true} }

// RandInt samples integers in [low, high), as Ray's tune.randint does:
// RandInt(2, 6) never gives 6. Prefer IntInclusive when you mean 6.
func RandInt(low, high int) IntRange { return IntRange{low, high, false} }

// Sample implements Domain.
func (d IntRange) Sample(r *rand.Rand) any { return d.Low + r.IntN(d.count()) }

// String implements Domain.
func (d IntRange) String() string {
	if d.Inclusive {
		return fmt.Sprintf("int[%d, %d]", d.Low, d.High)
	}
	return fmt.Sprintf("randint(%d, %d)", d.Low, d.High)
}

func (d IntRange) count() int {
	if d.Inclusive {
		return d.High - d.Low + 1
	}
	return d.High - d.Low
}

func (d IntRange) toUnit(v any) float64 {
	return (toFloat(v) - float64(d.Low) + 0.5) / float64(d.count())
}

func (d IntRange) fromUnit(u float64) any {
	return d.Low + min(d.count()-1, max(0, int(math.Floor(u*float64(d.count())))))
}

func (d IntRange) validate() error {
	if d.count() < 1 {
		return fmt.Errorf("%s is empty: low must be below high (RandInt excludes high, IntInclusive includes it)", d)
	}
	return nil
}

// Choice samples one of Values with equal probability (tune.choice).
type Choice struct{ Values []any }

// Sample implements Domain.
func (d Choice) Sample(r *rand.Rand) any { return d.Values[r.IntN(len(d.Values))] }

// String implements Domain.
func (d Choice) String() string { return fmt.Sprintf("choice(%v)", d.Values) }

func (d Choice) validate() error {
	if len(d.Values) == 0 {
		return fmt.Errorf("choice has no values")
	}
	return nil
}

// Grid lists values every one of which is tried (tune.grid_search): the
// searchers run the cross product of all Grid entries, num_samples times.
type Grid struct{ Values []any }

// Sample implements Domain; searchers enumerate a Grid instead.
func (d Grid) Sample(r *rand.Rand) any { return d.Values[r.IntN(len(d.Values))] }

// String implements Domain.
func (d Grid) String() string { return fmt.Sprintf("grid_search(%v)", d.Values) }

func (d Grid) validate() error {
	if len(d.Values) == 0 {
		return fmt.Errorf("grid has no values")
	}
	return nil
}

// toFloat converts a sampled number to float64.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	case float32:
		return float64(x)
	case int64:
		return float64(x)
	}
	return math.NaN()
}

// formatValue writes a parameter value as gbdt.Params.Set reads it.
func formatValue(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}
