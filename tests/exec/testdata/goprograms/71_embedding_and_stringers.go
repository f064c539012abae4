package main

import (
	"fmt"
	"strings"
)

// Embedding with promoted methods, Stringers at several levels, and %v,
// %+v, %s, %d, %T of each.

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Named struct{ Name string }

func (n Named) Greeting() string { return "hello, " + n.Name }

type Sensor struct {
	Named
	Temp  Celsius
	Count int
}

type Labeled struct {
	Named
	Tags []string
}

func (l Labeled) String() string { return l.Name + "[" + strings.Join(l.Tags, ",") + "]" }

type Level int

const (
	Low Level = iota + 1
	High
)

func (l Level) String() string {
	switch l {
	case Low:
		return "low"
	case High:
		return "high"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Reading struct {
	Sensor *Sensor
	Level  Level
	note   string
}

func main() {
	s := Sensor{Named{"kitchen"}, 21.5, 3}
	fmt.Println(s, s.Greeting())
	fmt.Printf("%v|%+v|%T\n", s, s, s)
	fmt.Printf("%s %d %v %T\n", s.Temp, s.Count, s.Temp, s.Temp)
	l := Labeled{Named{"box"}, []string{"a", "b"}}
	fmt.Println(l, l.Greeting())
	fmt.Printf("%v %s %q %T\n", l, l, l, l)
	r := Reading{Level: High, note: "n"}
	fmt.Printf("%v %+v\n", r, r)
	fmt.Println(Low, High, Level(7))
	fmt.Printf("%d %v %x %5s|\n", High, High, Low, Low)
	ps := &s
	ps.Temp += 0.5
	fmt.Println(ps.Temp, s.Name, ps.Greeting())
}
