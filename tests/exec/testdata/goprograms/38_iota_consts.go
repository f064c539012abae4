package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

func (d Weekday) Name() string { return dayNames[d] }

func (d Weekday) Weekend() bool { return d == Saturday || d == Sunday }

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

const (
	a = iota * 10
	b
	_
	d
	e, f = iota, iota + 100
)

const big = 1 << 62
const typed int32 = 7

func main() {
	for d := Sunday; d <= Saturday; d++ {
		fmt.Printf("%d %s %v\n", int(d), d.Name(), d.Weekend())
	}
	fmt.Println(float64(KB), float64(MB), float64(GB))
	p := Read | Exec
	fmt.Println(uint8(p), p&Write != 0, p&Exec != 0)
	fmt.Println(a, b, d, e, f)
	fmt.Println(big/(1<<60), typed*3)
	fmt.Printf("%T %T\n", big, typed)
}
