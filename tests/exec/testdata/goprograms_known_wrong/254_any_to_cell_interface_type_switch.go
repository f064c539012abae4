package main

// A value of a cell struct type put straight into an `any` and asserted
// to an interface declared in a cell (`y.(Tree)`) keeps its dynamic
// type for %T, but a type switch or an assertion to its own type on the
// result matches nothing: a Huffman coder (Rosetta Code) walking such
// values read a Leaf's fields from no case. The same value put into the
// interface first (`var c Tree = Leaf{…}; var x any = c`) is right.

import "fmt"

type Tree interface {
	Freq() int
}

type Leaf struct {
	freq  int
	value rune
}

type Node struct {
	freq        int
	left, right Tree
}

func (l Leaf) Freq() int { return l.freq }
func (n Node) Freq() int { return n.freq }

func kind(t Tree) string {
	switch n := t.(type) {
	case Leaf:
		return "leaf " + string(n.value)
	case Node:
		return "node"
	}
	return "none"
}

func main() {
	var c Tree = Leaf{2, 'c'}
	var x any = c
	fmt.Println(kind(x.(Tree)))
	var y any = Leaf{3, 'd'}
	fmt.Println(kind(y.(Tree)))
	_, ok := y.(Tree).(Leaf)
	fmt.Println(ok)
}
