package modtest

// NoSumDB is the GONOSUMDB pattern of the fixtures' module paths.
const NoSumDB = "example.test"

// Fixtures are small modules covering the routes of a third-party import:
//
//   - example.test/dep v1.0.0, a dependency of greet;
//   - example.test/greet v1.0.0 and v1.1.0 (Hello says which), importing dep;
//   - example.test/gen v1.0.0, generic functions in the style of a
//     utility library (Map, Filter, Reduce, GroupBy, Zip) and generic types;
//   - example.test/words.v2 v1.0.0, package words (named otherwise than
//     its path);
//   - example.test/fast v1.0.0, which the interpreter cannot load (it uses
//     unsafe and a body-less linknamed function) but Go compiles;
//   - example.test/split v1.0.0, generic functions and one declaration
//     the interpreter cannot load (a range over an integer, which yaegi
//     v0.16.1's compiler panics on) that other declarations use;
//   - example.test/nums v1.0.0, generic functions constrained by the
//     interfaces of another package (its constraints package), which
//     yaegi v0.16.1 panics on when it instantiates them;
//   - example.test/shout v1.0.0, package shout importing two packages of
//     example.test/style: tag, which the interpreter loads, and title,
//     which it cannot (a range over an integer) and which takes a tag.Tag;
//   - example.test/broken v1.0.0, which does not compile (a type error).
func Fixtures() []Module {
	greet := func(v string) Module {
		return Module{Path: "example.test/greet", Version: v, Require: []string{"example.test/dep v1.0.0"}, Files: map[string]string{
			"greet.go": `// Package greet says hello.
package greet

import "example.test/dep"

// Hello greets name and says which version of greet answered.
func Hello(name string) string { return "hello " + name + " from ` + v + `" }

// Double doubles x through the dep module.
func Double(x int) int { return dep.Twice(x) }
`}}
	}
	return []Module{
		{Path: "example.test/dep", Version: "v1.0.0", Files: map[string]string{
			"dep.go": "// Package dep is a dependency.\npackage dep\n\n// Twice returns 2x.\nfunc Twice(x int) int { return 2 * x }\n"}},
		greet("v1.0.0"),
		greet("v1.1.0"),
		{Path: "example.test/gen", Version: "v1.0.0", Files: map[string]string{
			"gen.go": `// Package gen holds generic helpers.
package gen

// Map applies f to each element of xs.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Filter keeps the elements of xs that keep reports true for.
func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Reduce folds xs into acc with f.
func Reduce[T, A any](xs []T, f func(A, T) A, acc A) A {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

// GroupBy groups xs by the key of each.
func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

// Pair is two values.
type Pair[A, B any] struct {
	First  A
	Second B
}

// Zip pairs the elements of as and bs, up to the shorter.
func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := len(as)
	if len(bs) < n {
		n = len(bs)
	}
	out := make([]Pair[A, B], n)
	for i := 0; i < n; i++ {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

// Id returns x.
func Id[T any](x T) T { return x }

// Heads is the first pair of each list, through Id: its type argument
// is an instance of a generic type of two parameters, Pair[A, B].
func Heads[A, B any](lists [][]Pair[A, B]) []Pair[A, B] {
	out := make([]Pair[A, B], 0, len(lists))
	for _, l := range lists {
		out = append(out, Id(l[0]))
	}
	return out
}

// Labels maps each number to its label, inferring Map's type arguments
// from a function literal's result, as utility libraries do inside.
func Labels(xs []int) []string {
	return Map(xs, func(x int) string { return "#" + string(rune('0'+x)) })
}

// Number is a numeric constraint.
type Number interface{ ~int | ~int64 | ~float64 }

// Sum adds the numbers.
func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Stack is a generic stack.
type Stack[T any] struct{ items []T }

// Push adds v on top.
func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

// Len is the number of items.
func (s *Stack[T]) Len() int { return len(s.items) }
`}},
		{Path: "example.test/words.v2", Version: "v1.0.0", Files: map[string]string{
			"words.go": "// Package words is named otherwise than its path's last element.\npackage words\n\nimport \"strings\"\n\n// Count counts the words of s.\nfunc Count(s string) int { return len(strings.Fields(s)) }\n",
			"go.mod":   "module example.test/words.v2\n\ngo 1.22\n"}},
		{Path: "example.test/fast", Version: "v1.0.0", Files: map[string]string{
			"fast.go": `// Package fast needs the compiler: it links to the runtime's clock.
package fast

import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Ticking reports whether the monotonic clock runs.
func Ticking() bool { return nanotime() > 0 }

// Sum adds xs.
func Sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
`}},
		{Path: "example.test/split", Version: "v1.0.0", Files: map[string]string{"split.go": SplitSource}},
		{Path: "example.test/nums", Version: "v1.0.0", Files: map[string]string{
			"constraints/constraints.go": "// Package constraints holds type sets.\npackage constraints\n\n// Signed integers.\ntype Signed interface{ ~int | ~int64 }\n\n// Float numbers.\ntype Float interface{ ~float32 | ~float64 }\n\n// Number is either.\ntype Number interface{ Signed | Float }\n",
			"nums.go": `// Package nums adds numbers.
package nums

import "example.test/nums/constraints"

// Sum adds xs.
func Sum[T constraints.Float | constraints.Signed](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Number is any number.
type Number interface{ constraints.Number }

// Max is the largest of xs (zero for none).
func Max[T Number](xs ...T) T {
	var m T
	for i, x := range xs {
		if i == 0 || x > m {
			m = x
		}
	}
	return m
}
`}},
		{Path: "example.test/style", Version: "v1.0.0", Files: map[string]string{
			"tag/tag.go":     "// Package tag names styles.\npackage tag\n\n// Tag is a style.\ntype Tag struct{ Name string }\n\n// Loud is the loud style.\nvar Loud = Tag{Name: \"loud\"}\n",
			"title/title.go": "// Package title styles text.\npackage title\n\nimport (\n\t\"strings\"\n\n\t\"example.test/style/tag\"\n)\n\n// Of styles s with t, three times.\nfunc Of(t tag.Tag, s string) string {\n\tout := \"\"\n\tfor range 3 {\n\t\tout += strings.ToUpper(s)\n\t}\n\treturn t.Name + \":\" + out\n}\n",
		}},
		{Path: "example.test/shout", Version: "v1.0.0", Require: []string{"example.test/style v1.0.0"}, Files: map[string]string{
			"shout.go": "// Package shout shouts.\npackage shout\n\nimport (\n\t\"example.test/style/tag\"\n\t\"example.test/style/title\"\n)\n\n// It shouts s.\nfunc It(s string) string { return title.Of(tag.Loud, s) }\n",
		}},
		{Path: "example.test/broken", Version: "v1.0.0", Files: map[string]string{
			"broken.go": "// Package broken does not compile.\npackage broken\n\n// N is wrong.\nvar N int = \"not a number\"\n"}},
	}
}

// SplitSource is example.test/split's source.
const SplitSource = `// Package split has generic helpers and one function the interpreter
// cannot load.
package split

import "fmt"

// Map applies f to each element of xs.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Sum adds the numbers.
func Sum[T ~int | ~float64](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Three counts to three over a range of an integer (Go 1.22), which
// yaegi v0.16.1's compiler panics on.
func Three() int {
	n := 0
	for range 3 {
		n++
	}
	return n
}

// Six is twice Three.
func Six() int { return 2 * Three() }

// Repeat repeats x Three times.
func Repeat[T any](x T) []T {
	out := []T{}
	for i := 0; i < Three(); i++ {
		out = append(out, x)
	}
	return out
}

// Label names n.
func Label(n int) string { return fmt.Sprint("#", n) }
`
