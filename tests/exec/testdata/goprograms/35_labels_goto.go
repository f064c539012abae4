package main

import "fmt"

func findPair(grid [][]int, target int) (int, int, bool) {
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v == target {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func collatz(n int) int {
	steps := 0
loop:
	if n == 1 {
		goto done
	}
	if n%2 == 0 {
		n /= 2
	} else {
		n = 3*n + 1
	}
	steps++
	goto loop
done:
	return steps
}

func main() {
	grid := [][]int{{1, 2, 3}, {-1, 7, 8}, {4, 7, 6}}
	i, j, ok := findPair(grid, 7)
	fmt.Println(i, j, ok)
	_, _, ok = findPair(grid, 42)
	fmt.Println(ok)

	for _, n := range []int{1, 6, 7, 27} {
		fmt.Printf("collatz(%d) = %d\n", n, collatz(n))
	}

	count := 0
search:
	for a := 1; a < 20; a++ {
		for b := a; b < 20; b++ {
			for c := b; c < 30; c++ {
				if a*a+b*b == c*c {
					fmt.Println("triple", a, b, c)
					count++
					if count == 3 {
						break search
					}
				}
			}
		}
	}

	n := 0
	for {
		n++
		switch {
		case n%2 == 0:
			continue
		case n > 7:
			fmt.Println("stop at", n)
		}
		if n > 7 {
			break
		}
	}
}
