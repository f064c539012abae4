package main

// `if f(x) { … } else { return }` branches on what the call answers:
// yaegi took the first branch whatever the call returned when the else
// branch was a bare return, so a heap sort's sift-down swapped where it
// should have stopped and sorted [31 41 59 26 …] into [23 31 26 41 …].

import (
	"fmt"
	"sort"
)

func heapSort(a sort.Interface) {
	for start := (a.Len() - 2) / 2; start >= 0; start-- {
		siftDown(a, start, a.Len()-1)
	}
	for end := a.Len() - 1; end > 0; end-- {
		a.Swap(0, end)
		siftDown(a, 0, end-1)
	}
}

func siftDown(a sort.Interface, start, end int) {
	for root := start; root*2+1 <= end; {
		child := root*2 + 1
		if child+1 <= end && a.Less(child, child+1) {
			child++
		}
		if a.Less(root, child) {
			a.Swap(root, child)
			root = child
		} else {
			return
		}
	}
}

func small(n int) bool { return n < 10 }

func describe(n int) {
	if small(n) {
		fmt.Println(n, "is small")
	} else {
		return
	}
	fmt.Println("described", n)
}

func main() {
	h := []int{31, 41, 59, 26, 53, 58, 97, 93, 23, 84}
	heapSort(sort.IntSlice(h))
	fmt.Println(h)
	describe(3)
	describe(30)
	if !small(40) {
		fmt.Println("40 is not small")
	} else if small(4) {
		fmt.Println("4 is small")
	} else {
		return
	}
}
