package main

import "fmt"

// Values of cell types that are not structs, with String or Error
// methods, held in an any beside compiled values of their underlying
// types (2.5, [4]byte, []string), printed one by one, spread (vals...),
// in a slice and in a map.

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Fahrenheit float64

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type IP [4]byte

func (ip IP) String() string { return fmt.Sprintf("%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3]) }

type Tags []string

func (t Tags) String() string { return fmt.Sprint(len(t), " tags") }

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

func main() {
	vals := []any{Celsius(21.5), 2.5, Fahrenheit(70), Level(2), 2, IP{10, 0, 0, 1}, [4]byte{1, 2, 3, 4}, Tags{"a", "b"}, []string{"x"}, Code(3)}
	for _, v := range vals {
		fmt.Printf("%v|", v)
	}
	fmt.Println()
	fmt.Println(vals...)
	fmt.Println(vals)
	var x any = Level(1)
	fmt.Println(x, fmt.Sprint(x), fmt.Sprintf("%s %d", x, x))
	m := map[string]any{"t": Celsius(-3), "n": 4}
	fmt.Println(m)
	var s fmt.Stringer = IP{127, 0, 0, 1}
	fmt.Println(s)
	var e error = Code(9)
	fmt.Println(e, []error{e})
}
