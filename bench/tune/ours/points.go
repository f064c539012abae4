package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/gotrain/gotrain/trainlib/tune"
)

// point is one configuration of a shared points file, the list both sides
// of POINTS=shared bench/tune/run.sh evaluate.
type point struct {
	Eta      float64 `json:"eta"`
	MaxDepth int     `json:"max_depth"`
}

// writePoints draws samples configurations from the seed's space (eta
// log-uniform [0.003, 0.3], max_depth 2..6 inclusive) with tune's seeded
// random search and writes them to path as a JSON list.
func writePoints(path string, samples int, seed uint64) error {
	s, err := tune.NewRandomSearch(tune.SeedSpace(), samples, seed)
	if err != nil {
		return err
	}
	var pts []point
	for i := 0; ; i++ {
		c, ok := s.Suggest(i)
		if !ok {
			break
		}
		eta, ok1 := c["eta"].(float64)
		depth, ok2 := c["max_depth"].(int)
		if !ok1 || !ok2 {
			return fmt.Errorf("trial %d: unexpected config %v from tune.SeedSpace", i, c)
		}
		pts = append(pts, point{Eta: eta, MaxDepth: depth})
	}
	b, err := json.MarshalIndent(pts, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// readPoints reads a points file and checks every entry is in the seed's
// space, naming the entry that is not.
func readPoints(path string) ([]tune.Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var pts []point
	if err := json.Unmarshal(b, &pts); err != nil {
		return nil, fmt.Errorf("%s: %v; want a JSON list of {\"eta\": float, \"max_depth\": int}", path, err)
	}
	if len(pts) == 0 {
		return nil, fmt.Errorf("%s: no configurations", path)
	}
	var out []tune.Config
	for i, p := range pts {
		if !(p.Eta >= 0.003*(1-1e-12) && p.Eta <= 0.3*(1+1e-12)) || math.IsNaN(p.Eta) {
			return nil, fmt.Errorf("%s: entry %d: eta %g outside [0.003, 0.3]", path, i, p.Eta)
		}
		if p.MaxDepth < 2 || p.MaxDepth > 6 {
			return nil, fmt.Errorf("%s: entry %d: max_depth %d outside 2..6", path, i, p.MaxDepth)
		}
		out = append(out, tune.Config{"eta": p.Eta, "max_depth": p.MaxDepth})
	}
	return out, nil
}
