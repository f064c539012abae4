package main

import (
	"fmt"
	"math"
)

type pair struct {
	A int
	B string
}

func main() {
	fmt.Printf("%d %5d %-5d| %05d %x %X %o %b %c %U\n", 42, 42, 42, 42, 255, 255, 8, 5, 'G', 'G')
	fmt.Printf("%f %.2f %8.3f %e %g %G\n", math.Pi, math.Pi, math.Pi, 123456.789, 1e21, 1e-7)
	fmt.Printf("%s %q %10s|%-10s| %x\n", "go", "go", "right", "left", "hi")
	fmt.Printf("%t %v\n", true, nil)
	fmt.Printf("%v %+v %#v\n", pair{1, "x"}, pair{1, "x"}, []int{1, 2})
	fmt.Printf("%v %v %v\n", []string{"a", "b"}, map[string]int{"z": 1, "a": 2}, [2]bool{true})
	fmt.Printf("%T %T %T %T %T\n", 1, 2.5, "s", []int{}, map[string]bool{})
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%+d %+d % d\n", 5, -5, 7)
	fmt.Printf("%#x %#o %08.3f\n", 255, 8, -3.14159)
	fmt.Printf("%*d|%-*d|\n", 6, 12, 4, 7)
	fmt.Printf("%v %d\n", int8(-128), uint16(65535))
	fmt.Printf("%.3s|%q|%v\n", "abcdef", 'x', 'x')
	fmt.Printf("%v %v\n", math.Inf(1), math.NaN())
	fmt.Printf("%x % x %X\n", []byte("hey"), []byte{1, 171}, "hey")
	s := fmt.Sprintf("%[2]d %[1]d", 10, 20)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5), fmt.Sprintln("x", 1))
	var ip *int
	fmt.Println(ip == nil, fmt.Sprintf("%v", ip))
	fmt.Printf("%v %.1f %v\n", complex(1, -2), 2.0/3, float32(0.1))
	fmt.Printf("%d%%\n", 50)
}
