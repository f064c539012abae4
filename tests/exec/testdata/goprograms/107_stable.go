package main

import (
	"fmt"
	"sort"
)

type P struct {
	Name string
	Age  int
	City string
}

type byAge []P

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	ps := []P{{"al", 30, "b"}, {"bo", 25, "a"}, {"cy", 30, "a"}, {"di", 25, "b"}, {"ed", 40, "a"}}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].City < ps[j].City })
	sort.Stable(byAge(ps))
	for _, p := range ps {
		fmt.Println(p)
	}
	sort.Sort(sort.Reverse(byAge(ps)))
	fmt.Println(ps[0].Age, sort.IsSorted(byAge(ps)))
}
