package gbdt

import (
	"context"
	"fmt"
	"sync"
)

// fanOut calls fn for every holder concurrently and returns the first
// error, naming the holder.
func fanOut(ctx context.Context, holders []Holder, fn func(ctx context.Context, i int, h Holder) error) error {
	if len(holders) == 1 {
		if err := fn(ctx, 0, holders[0]); err != nil {
			return fmt.Errorf("holder 0: %w", err)
		}
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(holders))
	var wg sync.WaitGroup
	for i, h := range holders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(ctx, i, h); err != nil {
				errs[i] = err
				cancel()
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil && err != context.Canceled {
			return fmt.Errorf("holder %d: %w", i, err)
		}
	}
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("holder %d: %w", i, err)
		}
	}
	return nil
}
