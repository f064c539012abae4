package main

import "fmt"

// Type switches on values of cell types held in an any: cases of an
// interface declared in the program (implemented by a value, by a
// pointer only), of fmt.Stringer and of error, values and pointers,
// the default printing with String.

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64  { return s.S * s.S }
func (s Sq) String() string { return fmt.Sprintf("Sq(%g)", s.S) }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Named struct{ N string }

func (n Named) String() string { return "named " + n.N }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type BadInput struct{ Field string }

func (b BadInput) Error() string { return "bad " + b.Field }

func kind(v any) string {
	switch x := v.(type) {
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case int:
		return "int"
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func show(v any) string {
	switch x := v.(type) {
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func main() {
	vals := []any{Sq{2}, Named{"a"}, &Named{"p"}, Temp(3), BadInput{"age"}, &BadInput{"name"}, 7, fmt.Errorf("e"), &Circle{1}, Circle{2}}
	for _, v := range vals {
		fmt.Println(kind(v))
	}
	for _, v := range vals[:5] {
		fmt.Println(show(v))
	}
	var c any = Circle{1}
	_, isShape := c.(Shape)
	s, isPtrShape := any(&Circle{2}).(Shape)
	fmt.Println(isShape, isPtrShape, s.Area())
}
