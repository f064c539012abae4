package main

// A value of a type parameter put into an any in a generic function, and
// a value held in a fmt.Stringer and then written in place, keep the
// value they were given.

import (
	"fmt"
	"strings"
)

type V struct{ N string }

func (v V) String() string { return "V:" + v.N }

func (v *V) Set(s string) { v.N = s }

func hold[T any](x T) any { return x }

func box[T any](xs []T) []any {
	var out []any
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func viaStringer() fmt.Stringer {
	v := V{"a"}
	var s fmt.Stringer = v
	v.N = "changed"
	return s
}

func viaStringer2() fmt.Stringer {
	v := V{"a"}
	var s fmt.Stringer = v
	v.Set("changed")
	return s
}

func main() {
	v := V{"x"}
	h := hold(v)
	v.N = "y"
	fmt.Println(h)
	fmt.Println(box([]V{{"1"}, {"2"}}))
	fmt.Println(viaStringer().String(), viaStringer2().String())
	var b strings.Builder
	fmt.Fprint(&b, v)
	fmt.Println(b.String())
}
