package main

import (
	"fmt"
	"time"
)

func main() {
	durs := []time.Duration{
		0,
		1500 * time.Millisecond,
		90 * time.Minute,
		2*time.Hour + 3*time.Second,
		750 * time.Microsecond,
		42 * time.Nanosecond,
	}
	for _, d := range durs {
		fmt.Println(d, d.Seconds(), d.Round(time.Second), d.Truncate(time.Minute))
	}
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err, d.Minutes())
	t := time.Date(2024, time.February, 28, 23, 30, 0, 0, time.UTC)
	next := t.Add(90 * time.Minute)
	fmt.Println(next.Format("2006-01-02 15:04"), next.Weekday(), next.YearDay())
	fmt.Println(next.Sub(t), t.Before(next), next.After(t))
	fmt.Println(t.Format(time.RFC3339), t.Format("Jan 2, 2006 at 3:04pm"))
	p, err := time.Parse("2006-01-02", "2023-12-25")
	fmt.Println(p.Year(), p.Month(), p.Day(), err)
	fmt.Println(t.AddDate(0, 1, 1).Format(time.DateOnly))
	fmt.Printf("%v %s %d\n", time.Second*3, time.Duration(1e9*61), time.Minute)
	deadline := t.Truncate(24 * time.Hour)
	fmt.Println(deadline.Format(time.Kitchen), t.Unix())
}
