package main

// Values of cell types with methods (a float, an array, a pointer, a
// slice) put into interfaces are copies of what they were read from;
// compiled functions keep what was passed; call results in a loop each
// keep their own value.

import (
	"container/list"
	"fmt"
	"sync"
)

type Point struct{ X, Y int }

func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type IP [4]byte

func (ip *IP) Bump() { ip[3]++ }

type Pt2 struct{ X int }

func (p Pt2) Get() int { return p.X }

func mk(i int) Pt2 { return Pt2{i} }

func main() {
	l := list.New()
	var m sync.Map
	for i := 0; i < 2; i++ {
		p := Point{i, i}
		l.PushBack(p)
		m.Store(i, p)
		p.X = 50
	}
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Println(e.Value)
	}
	v, _ := m.Load(0)
	fmt.Println(v)

	c := Celsius(1)
	var ca any = c
	c = 5
	c += 1
	fmt.Println(ca, c)

	ip := IP{1, 2, 3, 4}
	var ia any = ip
	ip[0] = 9
	ip.Bump()
	fmt.Println(ia)

	var rs []any
	for i := 0; i < 3; i++ {
		rs = append(rs, mk(i))
	}
	fmt.Println(rs)
}
