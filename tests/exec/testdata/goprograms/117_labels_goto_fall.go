package main

import "fmt"

func classify(n int) string {
	s := ""
	switch {
	case n > 100:
		s += "big "
		fallthrough
	case n > 10:
		s += "medium "
		fallthrough
	case n > 0:
		s += "positive"
	default:
		s = "nonpositive"
	}
	return s
}

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	i := 0
retry:
	i++
	if i < 5 {
		goto retry
	}
	fmt.Println("i", i)
	for _, n := range []int{500, 50, 5, -5} {
		fmt.Println(n, classify(n))
	}
	switch x := 3; x {
	case 1, 2:
		fmt.Println("small")
	case 3:
		fmt.Println("three")
		fallthrough
	case 4:
		fmt.Println("four-ish")
	}
}
