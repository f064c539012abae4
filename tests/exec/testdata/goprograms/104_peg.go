package main

import "fmt"

// A small peg-solitaire-like board: 1D row of holes, jump over a peg into an empty hole.
var board = [2][7]int{{1, 1, 1, 0, 1, 1, 0}, {0, 1, 1, 0, 1, 0, 0}}
var moves int

func solve(b *[7]int, pegs int) bool {
	if pegs == 1 {
		return true
	}
	for i := 0; i < 7; i++ {
		if b[i] != 1 {
			continue
		}
		for _, d := range [...]int{-1, 1} {
			j, k := i+d, i+2*d
			if k < 0 || k >= 7 || b[j] != 1 || b[k] != 0 {
				continue
			}
			b[i], b[j], b[k] = 0, 0, 1
			moves++
			if solve(b, pegs-1) {
				fmt.Println("move", i, "->", k)
				return true
			}
			b[i], b[j], b[k] = 1, 1, 0
		}
	}
	return false
}

func main() {
	for r := range board {
		row := board[r]
		n := 0
		for _, v := range row {
			n += v
		}
		fmt.Println(r, solve(&row, n), row, board[r])
	}
	fmt.Println("tried", moves)
}
