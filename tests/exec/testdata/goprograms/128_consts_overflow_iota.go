package main

import (
	"fmt"
	"math"
)

const (
	Big   = 1 << 100
	Small = Big >> 99
	KB    = 1 << (10 * (iota - 1))
	MB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const typed int8 = 100
const huge = math.MaxUint64

func needFloat(x float64) float64 { return x * 0.1 }

func main() {
	fmt.Println(Small, needFloat(Big), KB, MB)
	fmt.Println(Tuesday, Monday+Tuesday)
	fmt.Printf("%T %T %v\n", Sunday, typed+1, typed/3)
	var u uint64 = huge
	fmt.Println(u, math.MaxInt64, math.Pi)
	const f = 1.0 / 3
	fmt.Println(f, int(f*3), 7/2, 7/2.0)
	var i8 int8 = 127
	i8++
	fmt.Println(i8, uint8(200)+uint8(i8))
	fmt.Println(len("héllo"), 'a'+1, string(rune('a'+1)))
}
