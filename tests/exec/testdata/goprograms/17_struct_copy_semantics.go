package main

import "fmt"

type Vec struct{ X, Y int }

func (v Vec) Add(o Vec) Vec { return Vec{v.X + o.X, v.Y + o.Y} }
func (v *Vec) Scale(k int)  { v.X *= k; v.Y *= k }

func main() {
	a := Vec{1, 2}
	b := a
	b.Scale(10)
	fmt.Println(a, b, a.Add(b))
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 99
	fmt.Println(arr, arr2)
	s := []int{1, 2, 3}
	s2 := s
	s2[0] = 99
	fmt.Println(s, s2)
	vs := []Vec{{1, 1}, {2, 2}}
	for i := range vs {
		vs[i].Scale(3)
	}
	fmt.Println(vs)
}
