package main

import (
	"cmp"
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64
type Score int

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

type Labeled interface {
	~int
	String() string
}

func (s Score) String() string { return "score " + strconv.Itoa(int(s)) }

func Describe[T Labeled](xs []T) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, fmt.Sprintf("%s(%d)", x.String(), int(x)))
	}
	return out
}

func Clamp[T cmp.Ordered](v, lo, hi T) T {
	return min(max(v, lo), hi)
}

func main() {
	temps := []Celsius{21.5, 19, 23.5}
	fmt.Println(Sum(temps), Average(temps))
	scores := []Score{7, 9, 4}
	fmt.Println(Sum(scores), Average(scores), MaxOf(scores[0], scores[1:]...))
	fmt.Println(Describe(scores))
	fmt.Println(MaxOf("pear", "apple", "zucchini"), MaxOf(2.5), Clamp(15, 0, 10), Clamp("m", "a", "k"))
	fmt.Printf("%T %T\n", Sum(temps), Sum([]int64{1, 2}))
}
