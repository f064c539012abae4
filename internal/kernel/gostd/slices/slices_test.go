package slices_test

import (
	"fmt"
	"math"
	"math/rand"
	stdslices "slices"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/gostd/cmp"
	"github.com/gotrain/gotrain/internal/kernel/gostd/slices"
)

// The package against the standard library's slices, function by
// function, on fixed and seeded random inputs: same results, same
// slices afterwards (contents, length, and capacity where Go specifies
// it), same panics.

type rec struct {
	Key  int
	Name string
}

func byKey(a, b rec) int { return cmp.Compare(a.Key, b.Key) }

// inputs are int slices of every small shape plus seeded random ones.
func inputs() [][]int {
	out := [][]int{nil, {}, {1}, {2, 1}, {1, 1, 1}, {3, 1, 2, 3, 1}, {5, 4, 3, 2, 1, 0}}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 40; n++ {
		s := make([]int, r.Intn(60))
		for i := range s {
			s[i] = r.Intn(8)
		}
		out = append(out, s)
	}
	return out
}

func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want); g != w {
		t.Fatalf("%s: got %s, Go gives %s", what, g, w)
	}
}

func TestQueriesMatchGo(t *testing.T) {
	for _, s := range inputs() {
		for v := -1; v < 9; v++ {
			same(t, "Index", slices.Index(s, v), stdslices.Index(s, v))
			same(t, "Contains", slices.Contains(s, v), stdslices.Contains(s, v))
			even := func(x int) bool { return x%2 == v%2 }
			same(t, "IndexFunc", slices.IndexFunc(s, even), stdslices.IndexFunc(s, even))
			same(t, "ContainsFunc", slices.ContainsFunc(s, even), stdslices.ContainsFunc(s, even))
			sorted := stdslices.Sorted(stdslices.Values(s))
			i, ok := slices.BinarySearch(sorted, v)
			j, ok2 := stdslices.BinarySearch(sorted, v)
			same(t, "BinarySearch", []any{i, ok}, []any{j, ok2})
		}
		for _, u := range inputs()[:8] {
			same(t, "Equal", slices.Equal(s, u), stdslices.Equal(s, u))
			same(t, "Compare", slices.Compare(s, u), stdslices.Compare(s, u))
		}
		same(t, "IsSorted", slices.IsSorted(s), stdslices.IsSorted(s))
		if len(s) > 0 {
			same(t, "Min", slices.Min(s), stdslices.Min(s))
			same(t, "Max", slices.Max(s), stdslices.Max(s))
		}
	}
	nan := []float64{1, math.NaN(), 0}
	same(t, "Min NaN", fmt.Sprint(slices.Min(nan)), fmt.Sprint(stdslices.Min(nan)))
	same(t, "Max NaN", fmt.Sprint(slices.Max(nan)), fmt.Sprint(stdslices.Max(nan)))
	same(t, "Equal NaN", slices.Equal(nan, nan), stdslices.Equal(nan, nan))
}

func TestEditsMatchGo(t *testing.T) {
	type edit struct {
		name      string
		ours, std func([]int) []int
	}
	edits := []edit{
		{"Clone", slices.Clone[[]int], stdslices.Clone[[]int]},
		{"Compact", slices.Compact[[]int], stdslices.Compact[[]int]},
		{"Clip", slices.Clip[[]int], stdslices.Clip[[]int]},
		{"Insert", func(s []int) []int { return slices.Insert(s, len(s)/2, 7, 8) }, func(s []int) []int { return stdslices.Insert(s, len(s)/2, 7, 8) }},
		{"Delete", func(s []int) []int { return slices.Delete(s, len(s)/3, len(s)/2) }, func(s []int) []int { return stdslices.Delete(s, len(s)/3, len(s)/2) }},
		{"DeleteFunc", func(s []int) []int { return slices.DeleteFunc(s, func(x int) bool { return x > 2 }) }, func(s []int) []int { return stdslices.DeleteFunc(s, func(x int) bool { return x > 2 }) }},
		{"Replace", func(s []int) []int { return slices.Replace(s, len(s)/3, len(s)/2, 9) }, func(s []int) []int { return stdslices.Replace(s, len(s)/3, len(s)/2, 9) }},
		{"Grow", func(s []int) []int { return slices.Grow(s, 5) }, func(s []int) []int { return stdslices.Grow(s, 5) }},
		{"Concat", func(s []int) []int { return slices.Concat(s, s, nil) }, func(s []int) []int { return stdslices.Concat(s, s, nil) }},
		{"Repeat", func(s []int) []int { return slices.Repeat(s, 2) }, func(s []int) []int { return stdslices.Repeat(s, 2) }},
		{"Sort", func(s []int) []int { slices.Sort(s); return s }, func(s []int) []int { stdslices.Sort(s); return s }},
		{"Reverse", func(s []int) []int { slices.Reverse(s); return s }, func(s []int) []int { stdslices.Reverse(s); return s }},
		{"AppendSeq", func(s []int) []int { return slices.AppendSeq(s[:len(s):len(s)], slices.Values(s)) }, func(s []int) []int { return stdslices.AppendSeq(s[:len(s):len(s)], stdslices.Values(s)) }},
	}
	for _, e := range edits {
		for _, in := range inputs() {
			a, b := stdslices.Clone(in), stdslices.Clone(in)
			got, want := e.ours(a), e.std(b)
			same(t, e.name+" result", got, want)
			same(t, e.name+" input after", a, b)
			if e.name != "Insert" && e.name != "Grow" && e.name != "Concat" && e.name != "Repeat" {
				// Go specifies the capacity of these: no new array.
				same(t, e.name+" cap", cap(got), cap(want))
			}
		}
	}
}

// Elements that compare equal end in the order Go's unstable sort leaves
// them: the sort is the same algorithm.
func TestSortFuncOrdersTiesAsGo(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for _, n := range []int{5, 12, 13, 50, 300, 2000} {
		in := make([]rec, n)
		for i := range in {
			in[i] = rec{r.Intn(n/4 + 1), fmt.Sprint(i)}
		}
		a, b := stdslices.Clone(in), stdslices.Clone(in)
		slices.SortFunc(a, byKey)
		stdslices.SortFunc(b, byKey)
		same(t, fmt.Sprint("SortFunc n=", n), a, b)
		a, b = stdslices.Clone(in), stdslices.Clone(in)
		slices.SortStableFunc(a, byKey)
		stdslices.SortStableFunc(b, byKey)
		same(t, "SortStableFunc", a, b)
		same(t, "SortedFunc", slices.SortedFunc(slices.Values(in), byKey), stdslices.SortedFunc(stdslices.Values(in), byKey))
		same(t, "MinFunc", slices.MinFunc(in, byKey), stdslices.MinFunc(in, byKey))
		same(t, "MaxFunc", slices.MaxFunc(in, byKey), stdslices.MaxFunc(in, byKey))
		same(t, "IsSortedFunc", slices.IsSortedFunc(a, byKey), stdslices.IsSortedFunc(a, byKey))
		i, ok := slices.BinarySearchFunc(a, 3, func(x rec, k int) int { return cmp.Compare(x.Key, k) })
		j, ok2 := stdslices.BinarySearchFunc(b, 3, func(x rec, k int) int { return cmp.Compare(x.Key, k) })
		same(t, "BinarySearchFunc", []any{i, ok}, []any{j, ok2})
	}
	words := strings.Fields("pear Apple fig apple Fig banana")
	fold := func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }
	a, b := stdslices.Clone(words), stdslices.Clone(words)
	slices.SortFunc(a, fold)
	stdslices.SortFunc(b, fold)
	same(t, "SortFunc words", a, b)
	same(t, "CompactFunc", slices.CompactFunc(a, func(x, y string) bool { return fold(x, y) == 0 }), stdslices.CompactFunc(b, func(x, y string) bool { return fold(x, y) == 0 }))
	same(t, "EqualFunc", slices.EqualFunc(a, b, strings.EqualFold), stdslices.EqualFunc(a, b, strings.EqualFold))
	same(t, "CompareFunc", slices.CompareFunc(a, words, strings.Compare), stdslices.CompareFunc(b, words, strings.Compare))
	nan := []float64{3, math.NaN(), 1, math.NaN(), 2}
	n2 := stdslices.Clone(nan)
	slices.Sort(nan)
	stdslices.Sort(n2)
	same(t, "Sort NaN", fmt.Sprint(nan), fmt.Sprint(n2))
}

func TestIteratorsMatchGo(t *testing.T) {
	for _, s := range inputs() {
		var got, want []string
		for i, v := range slices.All(s) {
			got = append(got, fmt.Sprint(i, v))
		}
		for i, v := range stdslices.All(s) {
			want = append(want, fmt.Sprint(i, v))
		}
		for i, v := range slices.Backward(s) {
			got = append(got, fmt.Sprint(i, v))
		}
		for i, v := range stdslices.Backward(s) {
			want = append(want, fmt.Sprint(i, v))
		}
		same(t, "All, Backward", got, want)
		same(t, "Collect", slices.Collect(slices.Values(s)), stdslices.Collect(stdslices.Values(s)))
		same(t, "Sorted", slices.Sorted(slices.Values(s)), stdslices.Sorted(stdslices.Values(s)))
		for n := 1; n < 4; n++ {
			var a, b [][]int
			for c := range slices.Chunk(s, n) {
				a = append(a, c)
			}
			for c := range stdslices.Chunk(s, n) {
				b = append(b, c)
			}
			same(t, "Chunk", a, b)
		}
	}
	for i := range slices.Values([]int{1, 2, 3}) {
		if i == 2 {
			break // a sequence stops when yield returns false
		}
	}
}

func TestPanicsMatchGo(t *testing.T) {
	cases := map[string][2]func(){
		"Max empty":    {func() { _ = slices.Max([]int{}) }, func() { _ = stdslices.Max([]int{}) }},
		"Min empty":    {func() { _ = slices.Min([]int(nil)) }, func() { _ = stdslices.Min([]int(nil)) }},
		"Insert range": {func() { _ = slices.Insert([]int{1}, 3, 1) }, func() { _ = stdslices.Insert([]int{1}, 3, 1) }},
		"Delete range": {func() { _ = slices.Delete([]int{1, 2}, 2, 1) }, func() { _ = stdslices.Delete([]int{1, 2}, 2, 1) }},
		"Chunk 0":      {func() { _ = slices.Chunk([]int{1}, 0) }, func() { _ = stdslices.Chunk([]int{1}, 0) }},
		"Grow -1":      {func() { _ = slices.Grow([]int{1}, -1) }, func() { _ = stdslices.Grow([]int{1}, -1) }},
	}
	for name, c := range cases {
		if got, want := panicOf(c[0]), panicOf(c[1]); (got == "") != (want == "") {
			t.Errorf("%s: ours panics with %q, Go's with %q", name, got, want)
		}
	}
}

func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
