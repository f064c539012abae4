package main

import (
	"fmt"
	"strings"
)

// Struct embedding: promoted fields and methods, overriding, an embedded
// pointer, and an embedded interface, as in gobyexample's struct
// embedding and Effective Go's ReadWriter.

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) { l.lines = append(l.lines, l.prefix+msg) }

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }

type Container struct {
	Base
	*Logger
	Name string
}

func (c Container) Describe() string { return "container " + c.Name + " over " + c.Base.Describe() }

type Describer interface{ Describe() string }

type Upper struct{ Describer }

func (u Upper) Describe() string { return strings.ToUpper(u.Describer.Describe()) }

func main() {
	c := Container{Base{7}, &Logger{prefix: "[c] "}, "box"}
	c.Log("created")
	c.Log(fmt.Sprint("id ", c.ID))
	fmt.Println(c.Describe())
	fmt.Println(strings.Join(c.lines, "; "))
	var d Describer = c
	fmt.Println(d.Describe())
	ds := []Describer{c.Base, c, Upper{c.Base}, Upper{c}}
	for _, x := range ds {
		fmt.Println(x.Describe())
	}
	fmt.Println(len(c.Logger.lines), c.prefix)
}
