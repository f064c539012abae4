package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

// parseFlags parses a subcommand's args with fs, whose name is the command
// as typed after gotrain ("fit", "data generate"). Every subcommand goes
// through it, so all speak one dialect:
//
//   - --help (or -h) prints help — a synopsis, what the command does and
//     examples — then the flags, on fs's output (stderr), and returns
//     flag.ErrHelp, which main turns into exit status 0;
//   - a bad flag returns a usage error of one line naming the command and
//     pointing at --help, which main prints once and exits 2 for.
func parseFlags(fs *flag.FlagSet, help string, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // the flag package would print the error and the usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(out, strings.TrimRight(help, "\n")+"\n")
		if hasFlags(fs) {
			fmt.Fprint(out, "\nFlags:\n")
			fs.PrintDefaults()
		}
		return err
	case err != nil:
		return badUsage(fs, "%v", err)
	}
	return nil
}

// badUsage is a usage error found after parsing (a missing argument, flags
// that conflict): one line naming the command, pointing at --help.
func badUsage(fs *flag.FlagSet, format string, a ...any) error {
	return usagef("%s: %s (see 'gotrain %s --help')", fs.Name(), fmt.Sprintf(format, a...), fs.Name())
}

// hasFlags reports whether fs defines any flag.
func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// tokenFlags are the --*-token-file flags of the services a command may
// reach besides its workers (whose secret is --token-file): each reads its
// file into the variable that service's own clients read.
type tokenFlags struct{ ray, mlflow *string }

// addTokenFlags registers --ray-token-file and, with mlflow,
// --mlflow-token-file on fs.
func addTokenFlags(fs *flag.FlagSet, mlflow bool) tokenFlags {
	t := tokenFlags{ray: fs.String("ray-token-file", "", "`FILE` holding the Ray cluster's auth token, for --ray (default: $RAY_AUTH_TOKEN)")}
	if mlflow {
		t.mlflow = fs.String("mlflow-token-file", "", "`FILE` holding the MLflow server's bearer token (default: $MLFLOW_TRACKING_TOKEN)")
	}
	return t
}

// apply reads the given token files into RAY_AUTH_TOKEN and
// MLFLOW_TRACKING_TOKEN for this process.
func (t tokenFlags) apply() error {
	for _, f := range []struct {
		path *string
		env  string
	}{{t.ray, "RAY_AUTH_TOKEN"}, {t.mlflow, "MLFLOW_TRACKING_TOKEN"}} {
		if f.path == nil || *f.path == "" {
			continue
		}
		tok, err := readTokenFile(*f.path)
		if err != nil {
			return err
		}
		if err := os.Setenv(f.env, tok); err != nil {
			return err
		}
	}
	return nil
}

// readTokenFile returns the secret on the first line of a --*-token-file,
// read as the cluster's --token-file is.
func readTokenFile(path string) (string, error) { return cluster.ReadSecret(path) }

// workersFlag is the former --workers, a count to spawn on fit and
// addresses on train (where --workers 3 dialled a host named 3). It now
// means one thing on both: a number is --spawn N, HOST:PORT,… is
// --addresses.
type workersFlag struct {
	spawn     *int
	addresses *string
}

func (w workersFlag) String() string { return "" }

func (w workersFlag) Set(s string) error {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		*w.spawn = n
		return nil
	}
	if !strings.Contains(s, ":") {
		return fmt.Errorf("give a number of workers to spawn (--spawn) or HOST:PORT,… of running workers (--addresses)")
	}
	*w.addresses = s
	return nil
}

// workersUsage is the --workers flag's help line.
const workersUsage = "alias: a number N is --spawn N, HOST:PORT,… is --addresses"
