package maps_test

import (
	"fmt"
	stditer "iter"
	stdmaps "maps"
	"slices"
	"testing"

	"github.com/gotrain/gotrain/internal/kernel/gostd/maps"
)

// The package against the standard library's maps on the same inputs.

func sameMap(t *testing.T, what string, got, want any) {
	t.Helper()
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w { // fmt sorts map keys
		t.Fatalf("%s: got %s, Go gives %s", what, g, w)
	}
}

func TestMatchGo(t *testing.T) {
	ins := []map[string]int{nil, {}, {"a": 1}, {"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 5}}
	for _, m := range ins {
		for _, m2 := range ins {
			sameMap(t, "Equal", maps.Equal(m, m2), stdmaps.Equal(m, m2))
			eq := func(a, b int) bool { return a%2 == b%2 }
			sameMap(t, "EqualFunc", maps.EqualFunc(m, m2, eq), stdmaps.EqualFunc(m, m2, eq))
		}
		c, c2 := maps.Clone(m), stdmaps.Clone(m)
		sameMap(t, "Clone", c, c2)
		if (c == nil) != (c2 == nil) {
			t.Fatalf("Clone of %v: nil is %v, Go's %v", m, c == nil, c2 == nil)
		}
		sameMap(t, "Keys", slices.Sorted(stditer.Seq[string](maps.Keys(m))), slices.Sorted(stdmaps.Keys(m)))
		sameMap(t, "Values", slices.Sorted(stditer.Seq[int](maps.Values(m))), slices.Sorted(stdmaps.Values(m)))
		sameMap(t, "Collect(All)", maps.Collect(maps.All(m)), stdmaps.Collect(stdmaps.All(m)))
		d, d2 := map[string]int{"z": 9}, map[string]int{"z": 9}
		maps.Copy(d, m)
		stdmaps.Copy(d2, m)
		sameMap(t, "Copy", d, d2)
		maps.Insert(d, maps.All(map[string]int{"y": 8}))
		stdmaps.Insert(d2, stdmaps.All(map[string]int{"y": 8}))
		sameMap(t, "Insert", d, d2)
		maps.DeleteFunc(d, func(k string, v int) bool { return v > 2 })
		stdmaps.DeleteFunc(d2, func(k string, v int) bool { return v > 2 })
		sameMap(t, "DeleteFunc", d, d2)
	}
	n := 0
	for range maps.Keys(map[int]int{1: 1, 2: 2, 3: 3}) {
		n++
		break
	}
	if n != 1 {
		t.Fatal("Keys did not stop when yield returned false")
	}
}
