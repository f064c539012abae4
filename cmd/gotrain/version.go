package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/gotrain/gotrain/trainlib"
)

func init() {
	register(command{name: "version", summary: "print gotrain's version", run: runVersion})
}

const versionHelp = `Usage: gotrain version

Prints gotrain's release version (workers and drivers compare it when they
connect: give every machine the same binary).

Examples:
  gotrain version
`

func runVersion(_ context.Context, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	if err := parseFlags(fs, versionHelp, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badUsage(fs, "unexpected argument %q", fs.Arg(0))
	}
	fmt.Println("gotrain", trainlib.Version)
	return nil
}
