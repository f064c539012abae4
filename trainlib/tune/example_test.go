package tune_test

import (
	"fmt"

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
