package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Interfaces declared in the program embedded in its structs: a service
// with its logger, decorators overriding one method, Effective Go's
// ReadWriter built from two interfaces, a store behind an interface.

type Logger interface {
	Log(msg string)
}

type ConsoleLogger struct{ prefix string }

func (c ConsoleLogger) Log(msg string) { fmt.Println(c.prefix + msg) }

type Service struct {
	Logger
	name string
}

func (s *Service) Start() { s.Log("starting " + s.name) }

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Labeled struct {
	Shape
	label string
}

func (l Labeled) Name() string { return l.label + ":" + l.Shape.Name() }

type Reader interface {
	Read() (string, error)
}
type Writer interface {
	Write(s string) (int, error)
}
type ReadWriter interface {
	Reader
	Writer
}

type buffer struct{ parts []string }

func (b *buffer) Read() (string, error) {
	if len(b.parts) == 0 {
		return "", errors.New("empty")
	}
	p := b.parts[0]
	b.parts = b.parts[1:]
	return p, nil
}

func (b *buffer) Write(s string) (int, error) {
	b.parts = append(b.parts, s)
	return len(s), nil
}

type countingRW struct {
	ReadWriter
	writes int
}

func (c *countingRW) Write(s string) (int, error) {
	c.writes++
	return c.ReadWriter.Write(strings.ToUpper(s))
}

type Store interface {
	Get(key string) (int, bool)
	put(key string, v int)
}

type mapStore map[string]int

func (m mapStore) Get(key string) (int, bool) { v, ok := m[key]; return v, ok }
func (m mapStore) put(key string, v int)      { m[key] = v }

type Cache struct {
	Store
	hits int
}

type App struct {
	*Service
	Cache
}

type byArea []Shape

func (b byArea) Len() int           { return len(b) }
func (b byArea) Less(i, j int) bool { return b[i].Area() < b[j].Area() }
func (b byArea) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func describe(s Shape) string { return fmt.Sprintf("%s %.1f", s.Name(), s.Area()) }

func main() {
	s := &Service{Logger: ConsoleLogger{prefix: "[svc] "}, name: "api"}
	s.Start()
	s.Logger.Log("direct")
	var l Logger = s
	l.Log("via interface")
	log := s.Log
	log("method value")

	shapes := []Shape{Labeled{Rect{3, 4}, "big"}, Rect{1, 2}, Labeled{Shape: Rect{2, 2}, label: "sq"}}
	sort.Sort(byArea(shapes))
	for _, sh := range shapes {
		fmt.Println(describe(sh))
	}

	rw := &countingRW{ReadWriter: &buffer{}}
	rw.Write("hello")
	rw.Write("world")
	var w Writer = rw
	w.Write("again")
	for {
		p, err := rw.Read()
		if err != nil {
			fmt.Println("read:", err)
			break
		}
		fmt.Println(p)
	}
	fmt.Println("writes:", rw.writes)

	c := Cache{Store: mapStore{}}
	c.put("a", 1)
	if v, ok := c.Get("a"); ok {
		c.hits++
		fmt.Println("a =", v, "hits", c.hits)
	}
	_, ok := c.Get("b")
	fmt.Println("b found:", ok)

	app := App{Service: s, Cache: c}
	app.Log("from app")
	v, _ := app.Get("a")
	fmt.Println(v)
}
