package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	cfg := struct {
		Host string
		Port int
	}{"localhost", 8080}
	fmt.Println(cfg, cfg.Host)
	fmt.Printf("%+v %T\n", cfg, cfg)
	pts := []struct {
		name string
		p    Point
	}{{"a", Point{1, 2}}, {"b", Point{3, 4}}}
	for _, e := range pts {
		fmt.Println(e.name, e.p == Point{1, 2})
	}
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 99
	fmt.Println(a, b, a == [3]int{1, 2, 3}, a != b)
	grid := [2][2]Point{}
	g2 := grid
	g2[1][1].X = 5
	fmt.Println(grid, g2, grid == g2)
	seen := map[Point]bool{{1, 2}: true}
	fmt.Println(seen[Point{1, 2}], seen[Point{2, 1}])
	var x, y interface{} = Point{1, 1}, Point{1, 1}
	fmt.Println(x == y)
}
