package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func join(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

func logf(prefix string, format string, args ...any) {
	fmt.Printf(prefix+format+"\n", args...)
}

func first[T any](def T, xs ...T) T {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

type Option func(*Config)

type Config struct {
	Name    string
	Retries int
	Verbose bool
}

func WithRetries(n int) Option { return func(c *Config) { c.Retries = n } }
func Verbose() Option          { return func(c *Config) { c.Verbose = true } }

func NewConfig(name string, opts ...Option) Config {
	c := Config{Name: name, Retries: 1}
	for _, o := range opts {
		o(&c)
	}
	return c
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(join("-", "a", "b", "c"))
	fmt.Println(join("+"))
	logf("[info] ", "%d items, %s", 3, "ok")
	fmt.Println(first(0), first(0, 7, 8), first("none", "x"))
	fmt.Printf("%+v\n", NewConfig("a"))
	fmt.Printf("%+v\n", NewConfig("b", WithRetries(3), Verbose()))
	all := append([]int{1}, nums...)
	fmt.Println(all, len(all))
}
