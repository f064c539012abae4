package main

import "fmt"

const (
	N    = 3
	Big  = 1 << 40
	Half = 0.5
)

type Matrix [N][N]float64

func (m Matrix) Mul(o Matrix) Matrix {
	var r Matrix
	for i := range N {
		for j := range N {
			for k := range N {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func main() {
	id := Matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	m := Matrix{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	fmt.Println(m.Mul(id) == m, m.Mul(m)[1])
	fmt.Println(Big/1024, Half*N, N/2, float64(N)/2)
	var x uint8 = 250
	x += 10
	fmt.Println(x, -7/2, -7%2, 7>>1)
}
