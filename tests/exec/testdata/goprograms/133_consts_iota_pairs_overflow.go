package main

import (
	"fmt"
	"math"
	"strconv"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
	Friday = iota * 10
	Saturday
)

type Size uint64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
	TB
)

func (s Size) String() string {
	switch {
	case s >= TB:
		return strconv.FormatFloat(float64(s)/float64(TB), 'f', 1, 64) + "TB"
	case s >= GB:
		return strconv.FormatFloat(float64(s)/float64(GB), 'f', 1, 64) + "GB"
	case s >= MB:
		return strconv.FormatFloat(float64(s)/float64(MB), 'f', 1, 64) + "MB"
	case s >= KB:
		return strconv.FormatFloat(float64(s)/float64(KB), 'f', 1, 64) + "KB"
	}
	return fmt.Sprintf("%dB", uint64(s))
}

const (
	A, B = iota, iota * 2
	C, D
	E, F
)

const big = 1 << 100
const huge = big * big
const small = huge >> 198

const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const third = 1.0 / 3

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday, Friday, Saturday)
	fmt.Println(KB, MB, GB, TB, Size(1536), Size(3*GB/2), Size(12))
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(small, big>>98, float64(big))
	fmt.Println(Pi, float32(Pi), third*3 == 1, 1/3.0)
	var i32 int32 = math.MaxInt32
	i32 += 1
	var u8 uint8 = 250
	u8 += 10
	var i64 int64 = math.MinInt64
	i64 = -i64
	fmt.Println(i32, u8, i64)
	x := 0.1
	y := 0.2
	fmt.Println(x+y, x+y == 0.3, 0.1+0.2 == 0.3)
	fmt.Printf("%.20f %g %e %v\n", x+y, 1e-7, 123456.789, float32(0.1))
	fmt.Println(7/2, 7.0/2, 7/2.0, -7/2, 7%-3, 1<<3|1, 6&^3)
	const typedF float32 = 1.1
	fmt.Println(typedF*2, math.Round(2.5), math.Floor(-2.5), math.Trunc(-2.7), int(-2.0))
	fmt.Println(len("héllo"), len([]rune("héllo")), 'a'+1, string(rune('a'+1)))
	var r rune = 'Z'
	fmt.Printf("%c %d %U %q\n", r, r, r, r)
	fmt.Println(uint32(1<<32-1), int8(-128), ^0, ^uint8(0))
	f := 1e308
	fmt.Println(f*10, -f*10, math.IsInf(f*10, 1))
	fmt.Println(strconv.FormatInt(math.MaxInt64, 36), strconv.Quote("tab\there"))
}
