package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Employee struct {
	Name string
	Dept string
	Age  int
}

func main() {
	nums := []int{5, 2, 8, 2, 9, 1, 5, 5}
	sorted := slices.Clone(nums)
	slices.Sort(sorted)
	fmt.Println(nums, sorted)
	fmt.Println(slices.Compact(slices.Clone(sorted)))
	i, found := slices.BinarySearch(sorted, 8)
	fmt.Println(i, found, slices.Index(nums, 9), slices.Contains(nums, 7))
	fmt.Println(slices.Min(nums), slices.Max(nums), slices.Equal(nums, sorted))
	fmt.Println(slices.Insert([]int{1, 2, 3}, 1, 10, 11), slices.Delete([]int{1, 2, 3, 4}, 1, 3))
	fmt.Println(slices.IndexFunc(nums, func(n int) bool { return n > 6 }))

	staff := []Employee{
		{"Alice", "eng", 30}, {"Bob", "ops", 25}, {"Carol", "eng", 35},
		{"Dan", "ops", 30}, {"Eve", "eng", 25},
	}
	slices.SortFunc(staff, func(a, b Employee) int {
		return cmp.Or(cmp.Compare(a.Dept, b.Dept), cmp.Compare(b.Age, a.Age), strings.Compare(a.Name, b.Name))
	})
	for _, e := range staff {
		fmt.Printf("%-5s %s %d\n", e.Name, e.Dept, e.Age)
	}
	oldest := slices.MaxFunc(staff, func(a, b Employee) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println("oldest:", oldest.Name)
	j, ok := slices.BinarySearchFunc(staff, "ops", func(e Employee, d string) int { return cmp.Compare(e.Dept, d) })
	fmt.Println("first ops at", j, ok)
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	fmt.Println(words)
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
}
