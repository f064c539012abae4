package main

import (
	"fmt"
	"strconv"
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type Grid [3][3]int

func (g *Grid) Set(r, c, v int) { g[r][c] = v }
func (g Grid) Sum() int {
	s := 0
	for _, row := range g {
		for _, v := range row {
			s += v
		}
	}
	return s
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(KB, MB, GB)
	fmt.Println(Monday, Tuesday+0, Weekday(0))
	fmt.Printf("%v %d\n", Tuesday, Tuesday)
	var g Grid
	for i := 0; i < 3; i++ {
		g.Set(i, i, i+1)
	}
	fmt.Println(g, g.Sum())
	memo := map[int]int{}
	var mfib func(int) int
	mfib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = mfib(n-1) + mfib(n-2)
		return memo[n]
	}
	fmt.Println(fib(20), mfib(80))
	fmt.Println(strconv.Quote("héllo\n"), strconv.FormatInt(255, 2), strconv.Itoa(-42))
	x := 10
	p := &x
	*p++
	pp := &p
	**pp *= 2
	fmt.Println(x)
	arr := [5]int{1, 2, 3}
	sl := arr[1:4]
	sl[0] = 20
	sl = append(sl, 40)
	fmt.Println(arr, sl, len(sl), cap(sl))
}
