package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := a[1:3:3]
	c = append(c, 40)
	c[0] = 200
	fmt.Println(a, c)
	matrix := make([][]int, 3)
	row := make([]int, 9)
	for i := range matrix {
		matrix[i] = row[i*3 : (i+1)*3]
	}
	matrix[1][1] = 5
	fmt.Println(matrix, row)
	dst := make([]int, 2)
	n := copy(dst, a)
	bs := make([]byte, 3)
	fmt.Println(n, dst, copy(bs, "xy"))
	fmt.Println(copy(bs, "hello"), string(bs))
	s := a[:0]
	for _, v := range a {
		if v%2 == 1 {
			s = append(s, v)
		}
	}
	fmt.Println(s, a)
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), append(nilS, 1))
}
