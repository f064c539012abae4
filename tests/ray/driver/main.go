// Command driver is the Go side of tests/ray: it connects a cluster on a
// Ray head (trainlib.Connect with Cluster.Ray), loads CSV shards, trains
// (optionally SIGKILLing one worker's actor process after a round, to
// inject a fault), tunes, closes, and prints a JSON report on stdout:
// the Ray job id and every worker's and actor's pid, for the test to check
// that none is left.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gotrain/gotrain/trainlib"
	gtcluster "github.com/gotrain/gotrain/trainlib/cluster"
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
	"github.com/gotrain/gotrain/trainlib/tune"
)

// report is what the driver prints.
type report struct {
	JobID      string `json:"job_id"`
	WorkerPIDs []int  `json:"worker_pids"`
	// WorkerAddrs are the workers' host:port.
	WorkerAddrs []string `json:"worker_addrs"`
	// WorkerExes are the workers' executables: the uploaded package's
	// gotrain, unpacked by Ray under the head's temp dir.
	WorkerExes []string `json:"worker_exes"`
	ActorPIDs  []int    `json:"actor_pids"`
	Killed     int      `json:"killed_actor_pid,omitempty"`
	Trials     int      `json:"trials,omitempty"`
	// TrialStatus is each trial's status, and its error when it failed.
	TrialStatus []string `json:"trial_status,omitempty"`
	BestTrial   string   `json:"best_trial,omitempty"`
	CloseError  string   `json:"close_error,omitempty"`
	// ConnectSeconds and CloseSeconds time Connect and Close (reported,
	// never asserted: speed is measured by hand, see the report).
	ConnectSeconds float64 `json:"connect_seconds"`
	CloseSeconds   float64 `json:"close_seconds"`
}

type params []string

func (p *params) String() string     { return strings.Join(*p, ",") }
func (p *params) Set(v string) error { *p = append(*p, v); return nil }

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	ray := flag.String("ray", "auto", "Ray dashboard URL")
	workers := flag.Int("workers", 2, "worker actors")
	train := flag.String("train", "", "glob of training shards")
	valid := flag.String("valid", "", "glob of validation shards (for tuning)")
	label := flag.String("label", "", "label column")
	rounds := flag.Int("rounds", 10, "boosting rounds")
	out := flag.String("out", "", "model file to write")
	killAfter := flag.Int("kill-after-round", -1, "SIGKILL worker 0's actor process after this round (-1: never)")
	tuneSamples := flag.Int("tune", 0, "also tune this many trials on the same cluster")
	nodeBinary := flag.String("node-binary", "", "gotrain path on the nodes (empty: upload)")
	lease := flag.Duration("lease", 0, "workers exit when this driver has been silent this long (0: default)")
	startTimeout := flag.Duration("start-timeout", 0, "bound on placing and starting the workers (0: default)")
	hang := flag.Bool("hang", false, "print the report once connected, then wait to be killed")
	var ps params
	flag.Var(&ps, "param", "k=v training parameter, repeatable")
	flag.Parse()

	p, err := gbdt.ParseParams(ps)
	if err != nil {
		return err
	}
	p.NumBoostRound = *rounds
	cfg := trainlib.Cluster{Ray: *ray, Spawn: *workers, CPUsPerWorker: 1,
		RayOptions: gtcluster.RayOptions{NodeBinary: *nodeBinary, StartTimeout: *startTimeout}}
	if *lease > 0 {
		cfg.Lease, cfg.HangTimeout = *lease, *lease/3
	}
	t0 := time.Now()
	cl, err := trainlib.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	rep := report{JobID: cl.RayJobID(), ConnectSeconds: time.Since(t0).Seconds()}
	for _, w := range cl.Status(ctx).Workers {
		rep.WorkerPIDs = append(rep.WorkerPIDs, w.PID)
		rep.WorkerAddrs = append(rep.WorkerAddrs, w.Address)
		rep.ActorPIDs = append(rep.ActorPIDs, parentPID(w.PID))
		exe, _ := os.Readlink("/proc/" + strconv.Itoa(w.PID) + "/exe")
		rep.WorkerExes = append(rep.WorkerExes, exe)
	}
	if *hang {
		b, _ := json.Marshal(rep)
		fmt.Println(string(b))
		select {}
	}
	err = work(ctx, cl, p, &rep, *train, *valid, *label, *out, *killAfter, *tuneSamples)
	t1 := time.Now()
	if cerr := cl.Close(); cerr != nil {
		rep.CloseError = cerr.Error()
	}
	rep.CloseSeconds = time.Since(t1).Seconds()
	b, _ := json.Marshal(rep)
	fmt.Println(string(b))
	return err
}

// cluster is what work needs of a *cluster.Cluster.
type cluster interface {
	LoadFiles(ctx context.Context, set string, files []string, o data.Options) error
	Train(ctx context.Context, p gbdt.Params, opt gbdt.Options) (*gbdt.Result, error)
	Holders() []gbdt.Holder
}

func work(ctx context.Context, cl cluster, p gbdt.Params, rep *report, train, valid, label, out string, killAfter, samples int) error {
	o := data.Options{Label: label, BinaryLabel: p.Objective == "binary:logistic"}
	files, err := data.Glob(train)
	if err != nil {
		return err
	}
	if err := cl.LoadFiles(ctx, gbdt.TrainSet, files, o); err != nil {
		return err
	}
	opt := gbdt.Options{Evals: []string{gbdt.TrainSet}}
	opt.Callback = func(r gbdt.RoundReport) bool {
		if r.Round == killAfter && rep.Killed == 0 {
			rep.Killed = rep.ActorPIDs[0]
			if err := syscall.Kill(rep.Killed, syscall.SIGKILL); err != nil {
				fmt.Fprintln(os.Stderr, "driver: kill actor:", err)
			}
		}
		return false
	}
	res, err := cl.Train(ctx, p, opt)
	if err != nil {
		return err
	}
	if err := res.Model.Save(out); err != nil {
		return err
	}
	if samples == 0 {
		return nil
	}
	vfiles, err := data.Glob(valid)
	if err != nil {
		return err
	}
	if err := cl.LoadFiles(ctx, "val", vfiles, o); err != nil {
		return err
	}
	base := p
	base.NumBoostRound = 5
	tr, err := tune.Run(ctx, cl.Holders(), tune.Options{Samples: samples, Seed: 7, Base: base, MaxConcurrent: 2, Metric: "val-logloss"})
	if err != nil {
		return err
	}
	rep.Trials = len(tr.Trials)
	for _, t := range tr.Trials {
		rep.TrialStatus = append(rep.TrialStatus, strings.TrimSpace(string(t.Status)+" "+t.Err))
	}
	if tr.Best != nil {
		rep.BestTrial = tr.Best.ID
	}
	return nil
}

// parentPID returns pid's parent (a worker's actor), or 0.
func parentPID(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(f[1])
	return ppid
}
