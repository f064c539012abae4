package tune_test

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// The reference workflow's space, sampled by a seeded random search: the
// same seed always gives the same trials. IntInclusive(2, 6) includes 6;
// Ray's randint(2, 6), here RandInt, would not.
func ExampleNewRandomSearch() {
	space := tune.SeedSpace()
	space["objective"] = "binary:logistic" // fixed: passed unchanged
	s, err := tune.NewRandomSearch(space, 3, 42)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := 0; ; i++ {
		c, ok := s.Suggest(i)
		if !ok {
			break
		}
		fmt.Printf("eta=%.4f max_depth=%d objective=%s\n", c["eta"], c["max_depth"], c["objective"])
	}
	fmt.Println(tune.IntInclusive(2, 6), tune.RandInt(2, 6))
	// Output:
	// eta=0.1309 max_depth=4 objective=binary:logistic
	// eta=0.0107 max_depth=2 objective=binary:logistic
	// eta=0.0102 max_depth=3 objective=binary:logistic
	// int[2, 6] randint(2, 6)
}

// A search as Ray Tune's Tuner(trainable, param_space=…) runs one: a space
// of LogUniform, IntInclusive and Choice domains, an ASHA scheduler that
// stops the worst trials early, over in-process holders of a seeded
// table; the best trial's model names the data's features.
func ExampleRun() {
	rows := make([][]float64, 600)
	for i := range rows {
		x, z := float64(i%17), float64(i%5)
		y := 0.0
		if x > 8 != (z == 0) {
			y = 1
		}
		rows[i] = []float64{x, z, float64(i % 3), y}
	}
	train, _ := data.FromRows([]string{"LIMIT", "PAY_0", "AGE", "default"}, rows[:450], "default")
	val, _ := data.FromRows([]string{"LIMIT", "PAY_0", "AGE", "default"}, rows[450:], "default")
	h, err := gbdt.NewLocalHolder([]gbdt.Shard{{Set: gbdt.TrainSet, Data: train}, {Set: gbdt.ValSet, Data: val}}, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	asha, _ := tune.NewASHA(2, 2, 10)
	res, err := tune.Run(context.Background(), []gbdt.Holder{h}, tune.Options{
		Space: tune.Space{
			"eta":              tune.LogUniform{Low: 0.05, High: 0.5},
			"max_depth":        tune.IntInclusive(2, 4),
			"min_child_weight": tune.Choice{Values: []any{0.5, 1.0, 2.0}},
		},
		Samples: 6, Seed: 3, Scheduler: asha, Metric: "val-logloss", MaxConcurrent: 1,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	stopped := 0
	for _, t := range res.Trials {
		if t.Rounds < 10 {
			stopped++
		}
	}
	fmt.Println(len(res.Trials), "trials,", stopped, "stopped early by ASHA")
	b := res.Best
	fmt.Printf("best %s: eta %.3f, max_depth %v, min_child_weight %v; features %v\n",
		b.ID, b.Config["eta"], b.Config["max_depth"], b.Config["min_child_weight"], res.BestModel.FeatureNames)
	// Output:
	// 6 trials, 4 stopped early by ASHA
	// best t0005: eta 0.265, max_depth 4, min_child_weight 2; features [LIMIT PAY_0 AGE]
}
