package exec

import "testing"

// A range over a constant declared in the same cell is a counted loop from
// the first compile (rangeint.go): before, yaegi compiled it as written,
// failed, and the retry ran on a polluted interpreter where a method of
// `type Matrix [N][N]float64` read its receiver as an empty array
// ("index out of range [1] with length 0").
func TestRangeOverConstOfTheSameCell(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import "fmt"
const N = 3
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
m := Matrix{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
fmt.Println(m.Mul(m)[1], m.Mul(m) == m)`)
	if got, want := r.text("stdout"), "[66 81 96] false\n"; got != want {
		t.Errorf("printed %q, want %q (as go run)", got, want)
	}
}
