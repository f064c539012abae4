// Command gotrain is the one binary of the project: the Jupyter kernel, the
// worker process, and the command-line jobs (fit, predict, train, data, …).
//
// Each subcommand lives in its own file and registers itself in init with
// register; main only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand of gotrain.
type command struct {
	name    string
	summary string
	// run receives the arguments after the subcommand's name. It returns an
	// error to print once (a usage error, see usagef, exits 2; an error
	// with an ExitCode method chooses its status; flag.ErrHelp exits 0).
	run func(ctx context.Context, args []string) error
}

var commands = map[string]command{}

// register adds a subcommand; it is called from init functions only.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("gotrain: subcommand registered twice: " + c.name)
	}
	commands[c.name] = c
}

// usagef returns a usage error that main prints once and exits 2 for: a
// missing or conflicting flag found after parsing.
func usagef(format string, a ...any) error { return usageErr{fmt.Errorf(format, a...)} }

type usageErr struct{ error }

func (usageErr) ExitCode() int { return 2 }

// exitCoder lets a subcommand choose its exit status.
type exitCoder interface{ ExitCode() int }

func usage() {
	fmt.Fprintf(os.Stderr, "gotrain: a Go Jupyter kernel with distributed gradient-boosted trees\n\nUsage: gotrain COMMAND [flags]\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(os.Stderr, `
Examples:
  gotrain install                                           # the Jupyter kernel for this binary
  gotrain train --spawn 2 --cpus-per-worker 1 --out results  # the tutorial as a batch job
  gotrain fit --train loans.csv --label default --out model.json

Run 'gotrain COMMAND --help' for a command's synopsis, examples and flags.
`)
}

func main() {
	if len(os.Args) < 2 || os.Args[1] == "-h" || os.Args[1] == "--help" || os.Args[1] == "help" {
		usage()
		if len(os.Args) < 2 {
			os.Exit(2)
		}
		return
	}
	c, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "gotrain: unknown command %q (see 'gotrain help')\n", os.Args[1])
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := c.run(ctx, os.Args[2:])
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	default:
		// One prefix: errors that already name the command keep theirs,
		// and so do those of a sub-command ("data generate: …").
		msg := err.Error()
		if strings.HasPrefix(msg, c.name+" ") {
			fmt.Fprintf(os.Stderr, "gotrain %s\n", msg)
		} else {
			fmt.Fprintf(os.Stderr, "gotrain %s: %s\n", c.name, strings.TrimPrefix(msg, c.name+": "))
		}
		var ec exitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}
