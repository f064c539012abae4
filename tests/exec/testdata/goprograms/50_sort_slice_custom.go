package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Student struct {
	Name  string
	Grade int
	Age   int
}

func main() {
	students := []Student{
		{"zoe", 90, 20}, {"adam", 85, 22}, {"mia", 90, 19}, {"li", 70, 21}, {"bo", 85, 20},
	}
	sort.Slice(students, func(i, j int) bool {
		if students[i].Grade != students[j].Grade {
			return students[i].Grade > students[j].Grade
		}
		return students[i].Name < students[j].Name
	})
	for _, s := range students {
		fmt.Printf("%s:%d ", s.Name, s.Grade)
	}
	fmt.Println()

	slices.SortFunc(students, func(a, b Student) int {
		return cmp.Or(cmp.Compare(a.Age, b.Age), strings.Compare(a.Name, b.Name))
	})
	for _, s := range students {
		fmt.Printf("%s:%d ", s.Name, s.Age)
	}
	fmt.Println()

	i, found := slices.BinarySearchFunc(students, 21, func(s Student, age int) int { return cmp.Compare(s.Age, age) })
	fmt.Println(i, found)
	oldest := slices.MaxFunc(students, func(a, b Student) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(oldest.Name)
	idx := slices.IndexFunc(students, func(s Student) bool { return s.Grade < 80 })
	fmt.Println(idx, students[idx].Name)

	words := strings.Fields("banana Apple cherry apple Banana")
	sort.Strings(words)
	fmt.Println(words)
	sort.Slice(words, func(i, j int) bool { return strings.ToLower(words[i]) < strings.ToLower(words[j]) })
	fmt.Println(sort.SliceIsSorted(words, func(i, j int) bool { return strings.ToLower(words[i]) < strings.ToLower(words[j]) }))
	nums := []int{5, 2, 8, 1, 9}
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	fmt.Println(nums, sort.SearchInts([]int{1, 3, 5, 7}, 5))
	compact := slices.Compact([]int{1, 1, 2, 2, 2, 3, 1})
	slices.Reverse(compact)
	fmt.Println(compact, len(compact))
}
