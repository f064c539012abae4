package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gotrain/gotrain/internal/mlflowdemo"
	"github.com/gotrain/gotrain/trainlib/track"
)

func init() {
	register(command{name: "mlflow", summary: "start a local MLflow server, or replay a tracking spool (sync)", run: runMLflow})
}

const mlflowUsage = `Usage:
  gotrain mlflow [--dir DIR]   start a local MLflow tracking server when
                               MLFLOW_TRACKING_URI is not set, print its URL,
                               and serve until interrupted
  gotrain mlflow sync [--token-file FILE] DIR
                               send the tracking calls a job left unsent in
                               DIR/mlflow-spool.jsonl (idempotent)

Configuration (as MLflow's own clients read it): MLFLOW_TRACKING_URI,
MLFLOW_TRACKING_TOKEN (bearer; or --token-file) or MLFLOW_TRACKING_USERNAME
and MLFLOW_TRACKING_PASSWORD (basic), MLFLOW_EXPERIMENT_NAME.

Examples:
  gotrain mlflow --dir out/mlflow
  MLFLOW_TRACKING_URI=http://127.0.0.1:5000 gotrain mlflow sync out/job
  gotrain mlflow sync --token-file mlflow.token out/job
`

func runMLflow(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "sync":
			return runMLflowSync(ctx, args[1:])
		case "demo": // hidden: drives the tracker for tests/track
			return mlflowdemo.Main(ctx, args[1:])
		}
	}
	return runMLflowServe(ctx, args)
}

func runMLflowServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("mlflow", flag.ContinueOnError)
	dir := fs.String("dir", "mlflow", "directory for the local server's SQLite store, artifacts and log")
	port := fs.Int("port", 0, "port on 127.0.0.1 for the local server (a free one when 0)")
	if err := parseFlags(fs, mlflowUsage, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badUsage(fs, "unexpected argument %q; did you mean 'gotrain mlflow sync DIR'?", fs.Arg(0))
	}
	if uri := os.Getenv(track.EnvTrackingURI); uri != "" {
		c, err := track.NewClient(track.ConfigFromEnv())
		if err != nil {
			return err
		}
		if err := c.Ping(ctx); err != nil {
			return fmt.Errorf("%s=%s is configured but does not answer: %w", track.EnvTrackingURI, uri, err)
		}
		fmt.Printf("MLflow tracking server %s (from %s) answers; nothing to start.\n", uri, track.EnvTrackingURI)
		return nil
	}
	fmt.Fprintf(os.Stderr, "starting mlflow server in %s …\n", *dir)
	s, err := track.StartLocalServer(ctx, *dir, track.ServerOptions{Port: *port})
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Printf("MLflow tracking server: %s\n", s.URL)
	fmt.Printf("In another shell: export %s=%s\n", track.EnvTrackingURI, s.URL)
	fmt.Fprintln(os.Stderr, "serving until interrupted (Ctrl-C)")
	select {
	case <-ctx.Done():
		return nil
	case <-s.Done():
		return fmt.Errorf("mlflow server stopped by itself; see %s", filepath.Join(s.Dir, "mlflow-server.log"))
	}
}

func runMLflowSync(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("mlflow sync", flag.ContinueOnError)
	tokenFile := fs.String("token-file", "", "`FILE` holding the tracking server's bearer token (default: $"+track.EnvTrackingToken+")")
	if err := parseFlags(fs, mlflowUsage, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return badUsage(fs, "give one DIR, the --out of the job whose calls were left unsent")
	}
	cfg := track.ConfigFromEnv()
	if *tokenFile != "" {
		t, err := readTokenFile(*tokenFile)
		if err != nil {
			return err
		}
		cfg.Token = t
	}
	res, err := track.Sync(ctx, cfg, fs.Arg(0))
	fmt.Printf("sent %d, refused %d, left %d tracking calls\n", res.Sent, res.Refused, res.Left)
	for _, r := range res.Refusals {
		fmt.Fprintln(os.Stderr, "refused:", r)
	}
	return err
}
