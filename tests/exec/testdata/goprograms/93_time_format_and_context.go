package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slow(ctx context.Context) error {
	select {
	case <-time.After(2 * time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	t := time.Date(2009, 11, 17, 20, 34, 58, 651387237, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay())
	fmt.Println(t.Format(time.RFC3339), t.Format("3:04PM"), t.Format("Mon Jan _2 15:04:05 2006"))
	t2, err := time.Parse("2006-01-02", "2012-03-04")
	fmt.Println(t2, err, t2.Before(t), t.Sub(t2).Hours() > 0)
	d := 90*time.Minute + 30*time.Second
	fmt.Println(d, d.Minutes(), time.Duration(1500)*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err = slow(ctx)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	fmt.Println(time.Unix(1700000000, 0).UTC())
}
