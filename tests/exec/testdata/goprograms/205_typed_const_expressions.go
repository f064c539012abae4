package main

import "fmt"

// Constants of a declared type whose values are expressions of untyped
// operands keep that type: enums starting at iota + 1, bit flags, scaled
// units, a negative value, a computed string.

type Kind int

const (
	Deposit Kind = iota + 1
	Withdrawal
	Transfer
)

func (k Kind) String() string { return [...]string{"?", "deposit", "withdrawal", "transfer"}[k] }

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

type Meters float64

const (
	Km   Meters = 1000 * 1
	Half Meters = 1.0 / 2
)

type Level int

const Unknown Level = -1

type Label string

const Greeting Label = "hello, " + "world"

func main() {
	k := Transfer
	fmt.Println(k == Transfer, k, Transfer, Kind(2) == Withdrawal)
	switch k {
	case Withdrawal, Transfer:
		fmt.Println("moves money:", k == Transfer)
	}
	balances := map[Kind]int{Deposit: 1, Transfer: 3}
	var t Kind = 3
	fmt.Println(balances[t], balances[Transfer])
	p := Read | Exec
	fmt.Println(p&Exec == Exec, p&Write == Write, p == 5)
	var d Meters = 1000
	fmt.Println(d == Km, Half*2 == 1, Km/4)
	lv := Level(-1)
	fmt.Println(lv == Unknown)
	var g Label = "hello, world"
	fmt.Println(g == Greeting)
	fmt.Printf("%T %T %T %T\n", Transfer, Exec, Km, Greeting)
}
