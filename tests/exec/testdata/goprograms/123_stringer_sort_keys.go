package main

import (
	"fmt"
	"sort"
	"strings"
)

type Grade struct {
	Student string
	Course  string
	Score   int
}

type By func(a, b *Grade) bool

func (by By) Sort(gs []Grade) {
	sort.Sort(&sorter{gs, by})
}

type sorter struct {
	gs []Grade
	by By
}

func (s *sorter) Len() int           { return len(s.gs) }
func (s *sorter) Swap(i, j int)      { s.gs[i], s.gs[j] = s.gs[j], s.gs[i] }
func (s *sorter) Less(i, j int) bool { return s.by(&s.gs[i], &s.gs[j]) }

func (g Grade) String() string { return fmt.Sprintf("%s/%s:%d", g.Student, g.Course, g.Score) }

func main() {
	gs := []Grade{{"bo", "math", 80}, {"al", "art", 90}, {"bo", "art", 70}, {"al", "math", 80}}
	By(func(a, b *Grade) bool {
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Student < b.Student
	}).Sort(gs)
	fmt.Println(gs)
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.String()
	}
	fmt.Println(strings.Join(parts, "; "))
	fmt.Printf("%v %s %d\n", gs[0], gs[1], gs[2].Score)
}
