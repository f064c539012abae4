package gbdt

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/gotrain/gotrain/trainlib/data"
)

// synthetic returns a seeded binary-classification data set with some
// missing values.
func synthetic(rows, cols int, seed uint64) *data.Dataset {
	rng := rand.New(rand.NewPCG(seed, 7))
	d := &data.Dataset{Matrix: *data.NewMatrix(rows, cols), Label: make([]float32, rows)}
	for c := 0; c < cols; c++ {
		d.Names = append(d.Names, "f"+string(rune('a'+c%26)))
	}
	for r := 0; r < rows; r++ {
		s := 0.0
		for c := 0; c < cols; c++ {
			v := rng.NormFloat64()
			if c%3 == 1 {
				v = float64(rng.IntN(5))
			}
			s += v * float64(c%4-1)
			if c == 2 && rng.Float64() < 0.1 {
				d.Values[r*cols+c] = float32(nanF())
				s += 2
				continue
			}
			d.Values[r*cols+c] = float32(v)
		}
		if s+rng.NormFloat64() > 0 {
			d.Label[r] = 1
		}
	}
	return d
}

func TestSmoke(t *testing.T) {
	d := synthetic(5000, 8, 1)
	p := DefaultParams()
	p.NumBoostRound = 20
	p.EvalMetric = []string{"logloss", "auc"}
	res, err := TrainLocal(context.Background(), p, d, []EvalSet{{TrainSet, d}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ll := res.History[TrainSet]["logloss"]
	au := res.History[TrainSet]["auc"]
	t.Logf("logloss %v -> %v, auc %v", ll[0], ll[len(ll)-1], au[len(au)-1])
	if !(ll[len(ll)-1] < ll[0]) || au[len(au)-1] < 0.8 {
		t.Fatalf("training did not learn: logloss %v, auc %v", ll, au)
	}
}
