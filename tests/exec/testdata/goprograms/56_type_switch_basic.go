package main

import (
	"fmt"
	"strconv"
)

type Celsius float64
type Temp interface{ C() Celsius }

type Reading struct{ val Celsius }

func (r Reading) C() Celsius { return r.val }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + strconv.Itoa(x)
	case int64, int32:
		return fmt.Sprintf("sized int %v", x)
	case string:
		return "string of len " + strconv.Itoa(len(x))
	case []int:
		return fmt.Sprintf("slice sum %d", sum(x))
	case map[string]int:
		return fmt.Sprintf("map with %d keys", len(x))
	case func() string:
		return "func returning " + x()
	case Temp:
		return fmt.Sprintf("temp %.1f", float64(x.C()))
	case fmt.Stringer:
		return "stringer " + x.String()
	case bool:
		if x {
			return "yes"
		}
		return "no"
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	vals := []any{nil, 7, int64(8), int32(9), "hello", []int{1, 2, 3}, map[string]int{"a": 1}, func() string { return "hi" }, Reading{21.5}, true, 3.5, 'r'}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var x any = 42
	if n, ok := x.(int); ok {
		fmt.Println("asserted", n+1)
	}
	if _, ok := x.(string); !ok {
		fmt.Println("not a string")
	}
}
