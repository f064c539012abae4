package datagen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
)

// sampler makes synthetic rows in the manner of SMOTE-N (Chawla et al.,
// 2002, for nominal features) extended to numeric ones as SMOTE-NC does:
//
//   - distance between two rows: for each nominal attribute the value
//     difference metric δ(u, v) = Σ_c |P(c|u) − P(c|v)| (the class
//     distributions of the two levels, estimated on the training rows), plus
//     for each numeric attribute the absolute difference of scaled values;
//   - each training row's k nearest neighbours within its class (searched in
//     a seeded pool of at most Config.Pool rows of the class, so the search
//     stays small: UCI credit has about 18,700 rows of one class);
//   - a synthetic row of class c: a random row of c and one of its
//     neighbours picked at random; numeric attributes interpolated at a
//     random point between the two, each nominal attribute the level most
//     common among the row and its k neighbours (ties broken at random).
type sampler struct {
	t       *table
	byClass [2][]int // training rows of each class
	nbrs    [][]int  // nbrs[i]: neighbours of training row i (nil for others)
	maxLvl  int      // most levels of any nominal attribute
}

func newSampler(ctx context.Context, t *table, train []int, k, maxPool int, seed uint64, parallel int) (*sampler, error) {
	s := &sampler{t: t, nbrs: make([][]int, t.rows())}
	for _, i := range train {
		s.byClass[t.label[i]] = append(s.byClass[t.label[i]], i)
	}
	for c, rows := range s.byClass {
		if len(rows) < 2 {
			return nil, fmt.Errorf("datagen: class %d has %d rows in the training part; the oversampler needs at least 2: lower the test fraction", c, len(rows))
		}
	}
	xy := coordinates(t, train)
	for a := range t.attrs {
		s.maxLvl = max(s.maxLvl, t.nominalLevels(a))
	}
	rng := rand.New(rand.NewPCG(seed, 0x706f6f6c)) // "pool"
	var jobs []func()
	for _, rows := range s.byClass {
		pool := rows
		if len(pool) > maxPool {
			pool = slices.Clone(rows)
			rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
			pool = pool[:maxPool]
			slices.Sort(pool)
		}
		kk := min(k, len(pool)-1)
		for lo := 0; lo < len(rows); lo += 256 {
			part := rows[lo:min(lo+256, len(rows))]
			jobs = append(jobs, func() {
				for _, i := range part {
					s.nbrs[i] = nearest(xy, len(t.attrs), i, pool, kk)
				}
			})
		}
	}
	if err := runAll(ctx, jobs, parallel); err != nil {
		return nil, err
	}
	return s, nil
}

// coordinates maps each row to a point where the sampler's distance is the
// L1 distance. With two classes the value difference metric is
// δ(u, v) = |P(1|u) − P(1|v)| + |P(0|u) − P(0|v)| = |2P(1|u) − 2P(1|v)|, so a
// nominal attribute's coordinate is 2P(1|level), estimated on the training
// rows; a numeric attribute's is its scaled value.
func coordinates(t *table, train []int) []float32 {
	n := len(t.attrs)
	p1 := make([][]float64, n)
	for a, at := range t.attrs {
		if !at.nominal {
			continue
		}
		count := make([][2]float64, t.nominalLevels(a))
		for _, i := range train {
			count[int(t.row(i)[a])][t.label[i]]++
		}
		p1[a] = make([]float64, len(count))
		for l, c := range count {
			if tot := c[0] + c[1]; tot > 0 {
				p1[a][l] = 2 * c[1] / tot
			}
		}
	}
	xy := make([]float32, t.rows()*n)
	for i := range t.rows() {
		for a, v := range t.row(i) {
			if p1[a] != nil {
				v = p1[a][int(v)]
			}
			xy[i*n+a] = float32(v)
		}
	}
	return xy
}

// nearest returns the k rows of pool closest to row i (i itself excluded),
// nearest first, ties by row number; xy holds the rows' coordinates, n per
// row.
func nearest(xy []float32, n, i int, pool []int, k int) []int {
	type cand struct {
		d   float32
		row int
	}
	best := make([]cand, 0, k+1)
	xi := xy[i*n : (i+1)*n]
	for _, j := range pool {
		if j == i {
			continue
		}
		xj := xy[j*n : (j+1)*n]
		xj = xj[:len(xi)]
		var d float32
		for a, v := range xi {
			diff := v - xj[a]
			if diff < 0 {
				diff = -diff
			}
			d += diff
		}
		if len(best) == k && d >= best[k-1].d {
			continue
		}
		pos := len(best)
		for pos > 0 && best[pos-1].d > d {
			pos--
		}
		best = slices.Insert(best, pos, cand{d, j})
		if len(best) > k {
			best = best[:k]
		}
	}
	out := make([]int, len(best))
	for m, c := range best {
		out[m] = c.row
	}
	return out
}

// synth writes into out (one value per attribute) a synthetic row of class
// c; votes is scratch space of at least s.maxLvl counters.
func (s *sampler) synth(rng *rand.Rand, c uint8, out []float64, votes []int) {
	t := s.t
	rows := s.byClass[c]
	base := rows[rng.IntN(len(rows))]
	nb := s.nbrs[base]
	xb, xn := t.row(base), t.row(nb[rng.IntN(len(nb))])
	u := rng.Float64()
	for a, at := range t.attrs {
		if !at.nominal {
			out[a] = xb[a] + u*(xn[a]-xb[a])
			continue
		}
		L := t.nominalLevels(a)
		clear(votes[:L])
		votes[int(xb[a])]++
		for _, j := range nb {
			votes[int(t.row(j)[a])]++
		}
		top, ties := 0, 0
		for l := range L {
			switch {
			case votes[l] > top:
				top, ties = votes[l], 1
			case votes[l] == top:
				ties++
			}
		}
		pick := 0
		if ties > 1 {
			pick = rng.IntN(ties)
		}
		for l := range L {
			if votes[l] == top {
				if pick == 0 {
					out[a] = float64(l)
					break
				}
				pick--
			}
		}
	}
}

// runAll runs jobs on at most parallel goroutines; it stops starting jobs
// when ctx is cancelled and returns ctx's error then.
func runAll(ctx context.Context, jobs []func(), parallel int) error {
	sem := make(chan struct{}, max(parallel, 1))
	var wg sync.WaitGroup
	for _, job := range jobs {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			job()
		}()
	}
	wg.Wait()
	return ctx.Err()
}
