package main

import (
	"fmt"
	"math"
)

// An expression tree evaluated through an interface and printed with a
// type switch, as in the classic interpreter example; a method with an
// unnamed parameter (Num's Eval).

type Expr interface {
	Eval(env map[string]float64) float64
}

type Num float64
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}
type Call struct {
	Fn   string
	Args []Expr
}

func (n Num) Eval(map[string]float64) float64     { return float64(n) }
func (v Var) Eval(env map[string]float64) float64 { return env[string(v)] }
func (b Bin) Eval(env map[string]float64) float64 {
	l, r := b.L.Eval(env), b.R.Eval(env)
	switch b.Op {
	case '+':
		return l + r
	case '-':
		return l - r
	case '*':
		return l * r
	}
	return l / r
}
func (c Call) Eval(env map[string]float64) float64 {
	switch c.Fn {
	case "sqrt":
		return math.Sqrt(c.Args[0].Eval(env))
	case "pow":
		return math.Pow(c.Args[0].Eval(env), c.Args[1].Eval(env))
	}
	return math.NaN()
}

func show(e Expr) string {
	switch x := e.(type) {
	case Num:
		return fmt.Sprintf("%g", float64(x))
	case Var:
		return string(x)
	case Bin:
		return "(" + show(x.L) + " " + string(x.Op) + " " + show(x.R) + ")"
	case Call:
		s := x.Fn + "("
		for i, a := range x.Args {
			if i > 0 {
				s += ", "
			}
			s += show(a)
		}
		return s + ")"
	}
	return "?"
}

func parseLike() Expr {
	return Call{"sqrt", []Expr{Bin{'+', Call{"pow", []Expr{Var("x"), Num(2)}}, Call{"pow", []Expr{Var("y"), Num(2)}}}}}
}

func main() {
	e := parseLike()
	env := map[string]float64{"x": 3, "y": 4}
	fmt.Println(show(e), "=", e.Eval(env))
	exprs := []Expr{Num(1.5), Var("x"), Bin{'*', Num(2), Var("y")}, e}
	for _, x := range exprs {
		fmt.Printf("%-28s %6.2f\n", show(x), x.Eval(env))
	}
}
