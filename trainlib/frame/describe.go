package frame

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/gotrain/gotrain/trainlib/explain/chart"
)

// Summary describes one column. Numeric columns fill Mean through Max
// (NaN when the column has no values); text columns fill Distinct and Top.
type Summary struct {
	Name string
	// Type is "number" or "text".
	Type string
	// Count is the number of values present; Missing the number absent.
	Count, Missing int
	// Mean, Std (the sample standard deviation, n−1, as pandas), Min, the
	// quartiles Q25, Median and Q75 (linear interpolation, as pandas and
	// NumPy), and Max.
	Mean, Std, Min, Q25, Median, Q75, Max float64
	// Distinct is the number of distinct values of a text column; Top its
	// most frequent values, most frequent first (at most three).
	Distinct int
	Top      []chart.Count
}

// Description is Describe's result: one Summary per column. It shows as a
// table, one row per column.
type Description struct {
	Rows    int
	Columns []Summary
	note    string
}

// Describe summarises every column, several columns at once: count and
// missing values, mean, standard deviation, minimum, quartiles and maximum
// of numeric columns, distinct values and the most frequent ones of text
// columns.
func (f *Frame) Describe() *Description {
	d := &Description{Rows: f.rows, Columns: make([]Summary, len(f.cols)), note: f.LabelNote()}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, c := range f.cols {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			d.Columns[i] = c.summary()
		}()
	}
	wg.Wait()
	return d
}

func (c *column) summary() Summary {
	s := Summary{Name: c.name, Type: c.typeName()}
	if c.isText {
		counts := c.valueCounts()
		for _, n := range counts {
			s.Count += n.N
		}
		s.Missing = len(c.codes) - s.Count
		s.Distinct = len(counts)
		s.Top = counts[:min(3, len(counts))]
		nan := math.NaN()
		s.Mean, s.Std, s.Min, s.Q25, s.Median, s.Q75, s.Max = nan, nan, nan, nan, nan, nan, nan
		return s
	}
	vals := make([]float64, 0, len(c.num))
	sum := 0.0
	for _, v := range c.num {
		if v == v {
			vals = append(vals, v)
			sum += v
		}
	}
	s.Count, s.Missing = len(vals), len(c.num)-len(vals)
	if s.Count == 0 {
		nan := math.NaN()
		s.Mean, s.Std, s.Min, s.Q25, s.Median, s.Q75, s.Max = nan, nan, nan, nan, nan, nan, nan
		return s
	}
	s.Mean = sum / float64(s.Count)
	ss := 0.0
	for _, v := range vals {
		ss += (v - s.Mean) * (v - s.Mean)
	}
	s.Std = math.NaN()
	if s.Count > 1 {
		s.Std = math.Sqrt(ss / float64(s.Count-1))
	}
	slices.Sort(vals)
	s.Min, s.Max = vals[0], vals[len(vals)-1]
	s.Q25, s.Median, s.Q75 = quantile(vals, 0.25), quantile(vals, 0.5), quantile(vals, 0.75)
	return s
}

// quantile is the q-quantile of sorted values by linear interpolation
// between the closest ranks (NumPy's default, which pandas uses).
func quantile(sorted []float64, q float64) float64 {
	h := q * float64(len(sorted)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// valueCounts counts a column's present values, most frequent first, ties
// in byte order.
func (c *column) valueCounts() []chart.Count {
	var out []chart.Count
	if c.isText {
		n := make([]int, len(c.levels))
		for _, k := range c.codes {
			if k >= 0 {
				n[k]++
			}
		}
		for k, l := range c.levels {
			if n[k] > 0 {
				out = append(out, chart.Count{Value: l, N: n[k]})
			}
		}
	} else {
		m := map[float64]int{}
		for _, v := range c.num {
			if v == v {
				m[v]++
			}
		}
		for v, n := range m {
			out = append(out, chart.Count{Value: formatNumber(v), N: n})
		}
	}
	slices.SortFunc(out, func(a, b chart.Count) int {
		if d := cmp.Compare(b.N, a.N); d != 0 {
			return d
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out
}
