package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

func intSeq() func() int {
	i := 0
	return func() int {
		i++
		return i
	}
}

type byLength []string

func (s byLength) Len() int           { return len(s) }
func (s byLength) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
func (s byLength) Less(i, j int) bool { return len(s[i]) < len(s[j]) }

func main() {
	next := intSeq()
	fmt.Println(next(), next(), next())
	fruits := []string{"peach", "banana", "kiwi"}
	sort.Sort(byLength(fruits))
	fmt.Println(fruits)
	type Person struct {
		name string
		age  int
	}
	people := []Person{{"Jax", 37}, {"TJ", 25}, {"Alex", 72}}
	slices.SortFunc(people, func(a, b Person) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	strs := []string{"c", "a", "b"}
	slices.Sort(strs)
	fmt.Println(strs, slices.IsSorted(strs))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, "banana"))
	var funcs []func()
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() { fmt.Print(i, " ") })
	}
	for _, f := range funcs {
		f()
	}
	fmt.Println()
}
