package main

import (
	"fmt"
	"sort"
	"strings"
)

// Stringers in slices, maps, struct fields and behind interfaces, as in
// the Tour's IPAddr exercise and fmt's Stringer examples, with a value
// of a cell type that is not a struct (IPAddr, a [4]byte) held in an any
// (it printed without its String method).

type IPAddr [4]byte

func (ip IPAddr) String() string {
	parts := make([]string, len(ip))
	for i, b := range ip {
		parts[i] = fmt.Sprint(b)
	}
	return strings.Join(parts, ".")
}

type Person struct {
	Name string
	Age  int
}

func (p Person) String() string { return fmt.Sprintf("%v (%v years)", p.Name, p.Age) }

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

type Team struct {
	Lead    Person
	Members []Person
}

func main() {
	hosts := map[string]IPAddr{
		"loopback":  {127, 0, 0, 1},
		"googleDNS": {8, 8, 8, 8},
	}
	names := make([]string, 0, len(hosts))
	for n := range hosts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%v: %v\n", n, hosts[n])
	}
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}}
	sort.Sort(ByAge(people))
	fmt.Println(people)
	t := Team{Lead: people[2], Members: people[:2]}
	fmt.Printf("%v\n%+v\n", t, t)
	var s fmt.Stringer = people[0]
	fmt.Println(s, []fmt.Stringer{people[1], IPAddr{10, 0, 0, 1}})
	things := []any{people[0], IPAddr{1, 2, 3, 4}, 42}
	for _, x := range things {
		fmt.Printf("%v|", x)
	}
	fmt.Println()
}
