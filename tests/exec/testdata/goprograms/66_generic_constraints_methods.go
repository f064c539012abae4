package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Stringer interface{ String() string }

type Shower[T any] interface {
	~[]T
}

type ID int

func (i ID) String() string { return "#" + strconv.Itoa(int(i)) }

type Name string

func (n Name) String() string { return strings.ToUpper(string(n)) }

func JoinAll[T Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

type Number interface {
	~int | ~float64
}

func Average[T Number](xs ...T) float64 {
	if len(xs) == 0 {
		return 0
	}
	var sum T
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(len(xs))
}

func Last[S ~[]E, E any](s S) (E, bool) {
	var zero E
	if len(s) == 0 {
		return zero, false
	}
	return s[len(s)-1], true
}

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s[x] = struct{}{}
	}
	return s
}

func (s Set[T]) Has(x T) bool { _, ok := s[x]; return ok }
func (s Set[T]) Len() int     { return len(s) }

func Union[T comparable](a, b Set[T]) Set[T] {
	out := Set[T]{}
	for x := range a {
		out[x] = struct{}{}
	}
	for x := range b {
		out[x] = struct{}{}
	}
	return out
}

type IDs []ID

func main() {
	fmt.Println(JoinAll([]ID{1, 22, 333}, ","))
	fmt.Println(JoinAll([]Name{"ann", "bo"}, " & "))
	fmt.Println(Average(1, 2, 4), Average(1.5, 2.5), Average[int]())
	v, ok := Last(IDs{4, 5})
	fmt.Println(v.String(), ok)
	_, ok = Last([]string{})
	fmt.Println(ok)
	a := NewSet(1, 2, 3)
	b := NewSet(3, 4)
	u := Union(a, b)
	fmt.Println(u.Len(), u.Has(4), u.Has(9), a.Has(1))
}
