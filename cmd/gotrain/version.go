package main

import (
	"context"
	"fmt"

	"github.com/gotrain/gotrain/trainlib"
)

func init() {
	register(command{name: "version", summary: "print gotrain's version", run: func(context.Context, []string) error {
		fmt.Println("gotrain", trainlib.Version)
		return nil
	}})
}
