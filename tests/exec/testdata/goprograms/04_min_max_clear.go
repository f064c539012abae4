package main

import (
	"fmt"
	"math"
	"time"
)

func clamp(x, lo, hi int) int { return max(lo, min(x, hi)) }

func main() {
	fmt.Println(min(3, 1, 2), max(2.5, 1), min("pear", "apple"))
	fmt.Println(clamp(15, 0, 10), clamp(-3, 0, 10), clamp(4, 0, 10))
	fmt.Println(max(time.Second, 1500*time.Millisecond))
	fmt.Println(math.IsNaN(min(1, math.NaN())))
	m := map[string]int{"x": 1, "y": 2}
	s := []int{4, 5, 6}
	clear(m)
	clear(s)
	fmt.Println(len(m), s)
}
