package main

import "fmt"

func main() {
	var s []int
	for i := range 10 {
		s = append(s, i*i)
	}
	fmt.Println(s, len(s))
	t := s[2:5]
	fmt.Println(t, len(t))
	t = append(t, -1)
	fmt.Println(s[5])
	u := make([]int, 3, 10)
	copy(u, s)
	fmt.Println(u)
	grid := make([][]rune, 3)
	for i := range grid {
		grid[i] = []rune("...")
	}
	grid[1][1] = '#'
	for _, row := range grid {
		fmt.Println(string(row))
	}
}
