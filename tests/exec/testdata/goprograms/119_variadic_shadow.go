package main

import (
	"fmt"
	"strings"
)

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprintf("%s=%d(%d)", label, t, len(nums))
}

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

var x = "package"

func main() {
	xs := []int{1, 2, 3}
	fmt.Println(sum("none"), sum("one", 5), sum("all", xs...))
	fmt.Println(join("-", "a", "b"), join("+", []string{"c", "d"}...))
	args := []any{1, "two", 3.0}
	fmt.Println(args...)
	fmt.Println(x)
	x := "main"
	{
		x := "block"
		fmt.Println(x)
	}
	if x := 5; x > 3 {
		fmt.Println("if", x)
	}
	fmt.Println(x)
	err := fmt.Errorf("outer")
	if true {
		v, err := 1, fmt.Errorf("inner")
		_ = v
		_ = err
	}
	fmt.Println(err)
}
