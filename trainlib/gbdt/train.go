package gbdt

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/data"
)

// EvalSet is a named evaluation data set, such as "val".
type EvalSet struct {
	Name string
	Data *data.Dataset
}

// TrainLocal trains in process on train, evaluating evals (in order) after
// every round, with p.NThread goroutines. Feature names come from train.
// Name an eval set TrainSet ("train") with train's own Dataset to watch
// the training metric, as xgboost.train's evals=[(dtrain, "train"), …].
func TrainLocal(ctx context.Context, p Params, train *data.Dataset, evals []EvalSet, cb Callback) (*Result, error) {
	ctx = cellctx.Or(ctx)
	if train == nil {
		return nil, fmt.Errorf("gbdt: no training data")
	}
	shards := []Shard{{Set: TrainSet, Index: 0, Data: train}}
	opt := Options{Callback: cb, FeatureNames: train.Names, Categories: train.Categories}
	for _, e := range evals {
		if e.Data == nil {
			return nil, fmt.Errorf("gbdt: eval set %q has no data", e.Name)
		}
		if e.Data.Cols != train.Cols {
			return nil, fmt.Errorf("gbdt: eval set %q has %d features, the training data %d: load it with the same columns", e.Name, e.Data.Cols, train.Cols)
		}
		opt.Evals = append(opt.Evals, e.Name)
		if e.Name == TrainSet {
			if e.Data != train {
				return nil, fmt.Errorf("gbdt: eval set name %q is reserved for the training data; rename it", TrainSet)
			}
			continue
		}
		shards = append(shards, Shard{Set: e.Name, Index: 0, Data: e.Data})
	}
	h, err := NewLocalHolder(shards, p.threads())
	if err != nil {
		return nil, err
	}
	return Train(ctx, p, []Holder{h}, opt)
}
