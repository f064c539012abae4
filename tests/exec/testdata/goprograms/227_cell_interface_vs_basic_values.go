package main

import "fmt"

// Values of compiled basic types (a float64, an int) beside the
// program's own types of those underlying types with methods: a type
// switch case or an assertion to the program's interface matches only
// the program's types.

type Stringer interface{ String() string }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type ID int

func (i ID) String() string { return fmt.Sprintf("#%d", int(i)) }

type Named struct{ N string }

func (n *Named) String() string { return "named:" + n.N }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", v)
	case string:
		return "string " + v
	case Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	for _, v := range []any{2.5, Temp(3), 7, ID(7), "x", &Named{"n"}, nil, fmt.Errorf("e")} {
		fmt.Println(describe(v))
		s, ok := v.(Stringer)
		if ok {
			fmt.Println("  stringer", s.String())
		} else {
			fmt.Printf("  not a Stringer: %v\n", v)
		}
		_, isFmt := v.(fmt.Stringer)
		fmt.Println("  fmt.Stringer:", isFmt)
	}
}
