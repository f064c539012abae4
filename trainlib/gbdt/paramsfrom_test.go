package gbdt_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// TestParamsFromAMap: a map under XGBoost's names (xgboost.train's params
// dict) gives the parameters the same "k=v" strings give; a value of
// another type, or an unknown name, is an error naming the parameter.
func TestParamsFromAMap(t *testing.T) {
	got, err := gbdt.ParamsFrom(map[string]any{
		"objective": "binary:logistic", "learning_rate": 0.05, "max_depth": 4, "subsample": float32(0.5),
		"eval_metric": []string{"logloss", "auc"}, "enable_categorical": false, "seed": uint64(7), "num_boost_round": int64(30),
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := gbdt.ParseParams([]string{"objective=binary:logistic", "eta=0.05", "max_depth=4", "subsample=0.5",
		"eval_metric=logloss,auc", "enable_categorical=false", "seed=7", "num_boost_round=30"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Fatalf("from the map:\n%+v\nfrom strings:\n%+v", got, want)
	}
	for _, tc := range []struct {
		m    map[string]any
		want string
	}{
		{map[string]any{"max_depth": []int{4}}, "parameter max_depth: a []int"},
		{map[string]any{"max_dpth": 4}, `unknown parameter "max_dpth"`},
		{map[string]any{"eta": "fast"}, "parameter eta=fast"},
	} {
		if _, err := gbdt.ParamsFrom(tc.m); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParamsFrom(%v): %v; want an error with %q", tc.m, err, tc.want)
		}
	}
}
