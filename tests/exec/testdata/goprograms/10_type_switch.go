package main

import "fmt"

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string %q of length %d", x, len(x))
	case []int:
		return fmt.Sprintf("slice of %d ints", len(x))
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 42, "hi", []int{1, 2}, fmt.Errorf("boom"), 2.5} {
		fmt.Println(describe(v))
	}
}
