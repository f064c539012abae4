package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gotrain/gotrain/trainlib/cellctx"
	"github.com/gotrain/gotrain/trainlib/cluster/wire"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// WorkersEnv lists worker addresses (comma-separated) to connect to when
// Config has neither Addresses nor Spawn.
const WorkersEnv = "GOTRAIN_WORKERS"

// Config says which workers a Cluster uses. Its names are the ones used
// everywhere (job.Config, the command line's --spawn, --addresses and
// --cpus-per-worker): Spawn is a count, Addresses a list.
type Config struct {
	// Spawn is how many workers to spawn on this machine when Addresses
	// is empty (and GOTRAIN_WORKERS unset); 0 means 1.
	Spawn int
	// CPUsPerWorker bounds each spawned worker's CPUs; 0 means 1.
	CPUsPerWorker int
	// Addresses are host:port of workers started elsewhere.
	Addresses []string
	// Secret is the cluster secret of workers at Addresses; empty means
	// read TokenFile, then GOTRAIN_TOKEN. Spawned workers get a fresh one.
	Secret    string
	TokenFile string
	// TLS, when set, connects with TLS.
	TLS *TLSFiles
	// Binary is the gotrain binary to spawn; empty means $GOTRAIN_BIN,
	// then the running program.
	Binary string
	// HangTimeout is how long a worker may leave a heartbeat unanswered
	// before it is declared lost; 0 means 10s.
	HangTimeout time.Duration
	// Lease is how long a worker outlives a silent driver; 0 means 30s
	// (at least 3 × HangTimeout). Spawned and Ray workers are started with
	// it; a worker started elsewhere with its own --lease keeps its own.
	Lease time.Duration
	// DialTimeout bounds connecting to a worker; 0 means 10s.
	DialTimeout time.Duration
	// MaxMessage caps a message's size; 0 means DefaultMaxMessage.
	MaxMessage int
	// MaxMoves bounds how often one call moves its shard group to another
	// worker before giving up; 0 means 3.
	MaxMoves int
	// Ray, when set, runs Spawn workers of CPUsPerWorker CPUs as actors
	// of a job on that Ray cluster: its dashboard URL (http://head:8265),
	// or "auto" to find it in the environment (see RayAddress). Close
	// stops the job. RayOptions tunes it (connect_ray.go).
	Ray        string
	RayOptions RayOptions
	// Log, when set, receives a line for every lost worker: why it was
	// lost and which worker took its shards over (a spawned replacement,
	// or a live worker).
	Log io.Writer
}

func (c *Config) hang() time.Duration {
	if c.HangTimeout > 0 {
		return c.HangTimeout
	}
	return 10 * time.Second
}

func (c *Config) lease() time.Duration {
	l := c.Lease
	if l <= 0 {
		l = 30 * time.Second
	}
	return max(l, 3*c.hang())
}

func (c *Config) dialTimeout() time.Duration {
	if c.DialTimeout > 0 {
		return c.DialTimeout
	}
	return 10 * time.Second
}

func (c *Config) maxMessage() int {
	if c.MaxMessage > 0 {
		return c.MaxMessage
	}
	return DefaultMaxMessage
}

// Cluster is a driver's set of workers and the shard groups they hold:
// group i starts on worker i and moves when its worker is lost.
type Cluster struct {
	cfg    Config
	secret string
	bin    string
	local  bool

	mu      sync.Mutex
	workers []*workerConn
	groups  []*remoteHolder
	names   []string
	// categories name the codes of the loaded categorical features.
	categories [][]string
	// label is how every load reads a two-valued label, negative then
	// positive, fixed by the first load that meets one (see load).
	label  []string
	closed bool
	// successor maps a lost local worker to the one spawned in its place.
	successor map[*workerConn]*workerConn
	// ray is the Ray job running the workers, when Config.Ray is set.
	ray *rayJob
}

// Connect starts or reaches the workers cfg describes. ctx bounds the
// connecting only (spawning, dialling, placing a Ray job): the Cluster
// lives until Close, so a notebook cell may connect with its own context
// and later cells still train on the workers. Spawned workers also stop
// when this process dies (the kernel shuts down); remote workers drop the
// cluster's shards when their lease runs out.
func Connect(ctx context.Context, cfg Config) (*Cluster, error) {
	ctx = cellctx.Or(ctx)
	c := &Cluster{cfg: cfg, successor: map[*workerConn]*workerConn{}}
	addrs := cfg.Addresses
	if len(addrs) == 0 && cfg.Spawn == 0 {
		for _, a := range strings.Split(os.Getenv(WorkersEnv), ",") {
			if a = strings.TrimSpace(a); a != "" {
				addrs = append(addrs, a)
			}
		}
	}
	var err error
	if cfg.Ray != "" {
		if err := c.connectRay(ctx); err != nil {
			return nil, err
		}
	} else if len(addrs) > 0 {
		c.secret = cfg.Secret
		if c.secret == "" {
			if c.secret, err = ReadSecret(cfg.TokenFile); err != nil {
				return nil, err
			}
		}
		if err := c.dialAll(ctx, addrs); err != nil {
			return nil, err
		}
	} else {
		if c.cfg.Spawn <= 0 {
			c.cfg.Spawn = 1
		}
		if c.cfg.CPUsPerWorker <= 0 {
			c.cfg.CPUsPerWorker = 1
		}
		c.local = true
		if c.bin, err = workerBinary(cfg.Binary); err != nil {
			return nil, err
		}
		if c.secret, err = NewSecret(); err != nil {
			return nil, err
		}
		if err := c.spawnAll(ctx, c.cfg.Spawn); err != nil {
			return nil, err
		}
	}
	for i, w := range c.workers {
		c.groups = append(c.groups, &remoteHolder{c: c, gid: i, home: w, logs: map[gbdt.SessionID]*sessionLog{}})
	}
	return c, nil
}

// dialAll connects to every address, in parallel.
func (c *Cluster) dialAll(ctx context.Context, addrs []string) error {
	c.workers = make([]*workerConn, len(addrs))
	errs := make([]error, len(addrs))
	var wg sync.WaitGroup
	for i, a := range addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.workers[i], errs[i] = dial(ctx, a, &c.cfg, c.secret, nil)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		c.closeWorkers()
		return err
	}
	for _, w := range c.workers {
		w.monitor(c.cfg.hang())
	}
	return nil
}

// spawnAll starts n workers, in parallel.
func (c *Cluster) spawnAll(ctx context.Context, n int) error {
	c.workers = make([]*workerConn, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.workers[i], errs[i] = c.spawnOne(ctx)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		c.closeWorkers()
		return err
	}
	return nil
}

// spawnOne starts one local worker, connects to it and monitors it.
func (c *Cluster) spawnOne(ctx context.Context) (*workerConn, error) {
	p, addr, err := spawn(ctx, c.bin, c.cfg.CPUsPerWorker, c.secret, c.cfg.lease())
	if err != nil {
		return nil, err
	}
	w, err := dial(ctx, addr, &c.cfg, c.secret, p)
	if err != nil {
		p.kill()
		return nil, err
	}
	w.monitor(c.cfg.hang())
	return w, nil
}

// replacement returns a live worker to take over from a lost one: a new
// local worker when the cluster spawns its own (one per lost worker),
// otherwise the live worker holding the fewest groups.
func (c *Cluster) replacement(ctx context.Context, lost *workerConn) (*workerConn, error) {
	if c.local {
		if w, fresh, err := c.respawn(ctx, lost); err == nil {
			if fresh {
				c.logf("cluster: %s; spawned worker %s (pid %d) in its place and moved its shards there", lost.lostText(), w.addr, w.pid)
			}
			return w, nil
		}
	}
	w, err := c.leastLoaded(lost)
	if err == nil {
		c.logf("cluster: %s; moved its shards to worker %s (pid %d)", lost.lostText(), w.addr, w.pid)
	}
	return w, err
}

// logf writes one line to Config.Log, when set.
func (c *Cluster) logf(format string, args ...any) {
	if c.cfg.Log != nil {
		fmt.Fprintf(c.cfg.Log, format+"\n", args...)
	}
}

// lostText says which worker was lost and why.
func (w *workerConn) lostText() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	why := "lost"
	if w.dead != nil {
		why = "lost: " + w.dead.Cause
	}
	return fmt.Sprintf("worker %s (pid %d) %s", w.addr, w.pid, why)
}

// leastLoaded is the live worker other than lost holding the fewest
// groups.
func (c *Cluster) leastLoaded(lost *workerConn) (*workerConn, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	load := map[*workerConn]int{}
	for _, g := range c.groups {
		load[g.worker()]++
	}
	var best *workerConn
	for _, w := range c.workers {
		if w != lost && w.alive() && (best == nil || load[w] < load[best]) {
			best = w
		}
	}
	if best == nil {
		return nil, fmt.Errorf("cluster: every worker is lost (last: %s): nowhere to move the shards; restart workers and reconnect", lost.addr)
	}
	return best, nil
}

// respawn starts a local worker in place of lost, once per lost worker;
// fresh reports whether this call started it.
func (c *Cluster) respawn(ctx context.Context, lost *workerConn) (w *workerConn, fresh bool, err error) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, false, fmt.Errorf("cluster: closed")
	}
	if nw := c.successor[lost]; nw != nil && nw.alive() {
		c.mu.Unlock()
		return nw, false, nil
	}
	c.mu.Unlock()
	nw, err := c.spawnOne(ctx)
	if err != nil {
		return nil, false, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		nw.close()
		nw.proc.kill()
		return nil, false, fmt.Errorf("cluster: closed")
	}
	c.successor[lost] = nw
	for i, w := range c.workers {
		if w == lost {
			c.workers[i] = nw
			lost.close()
			return nw, true, nil
		}
	}
	c.workers = append(c.workers, nw)
	return nw, true, nil
}

// Holders returns the cluster's shard groups as gbdt Holders, in group
// order, for gbdt.Train.
func (c *Cluster) Holders() []gbdt.Holder {
	c.mu.Lock()
	defer c.mu.Unlock()
	hs := make([]gbdt.Holder, len(c.groups))
	for i, g := range c.groups {
		hs[i] = g
	}
	return hs
}

// Train trains on the shards loaded into the cluster. Feature names come
// from the loaded data unless opt names them. Cancelling ctx stops the
// work on every worker; the cluster stays usable.
func (c *Cluster) Train(ctx context.Context, p gbdt.Params, opt gbdt.Options) (*gbdt.Result, error) {
	ctx = cellctx.Or(ctx)
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, fmt.Errorf("cluster: closed: connect again")
	}
	if len(opt.FeatureNames) == 0 {
		opt.FeatureNames = c.names
	}
	if opt.Categories == nil {
		opt.Categories = c.categories
	}
	c.mu.Unlock()
	return gbdt.Train(ctx, p, c.Holders(), opt)
}

// Close releases the workers: spawned ones are stopped, remote ones drop
// the shards of this cluster. It is safe to call more than once.
func (c *Cluster) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.mu.Unlock()
	if !c.local {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		for _, g := range c.groups {
			_ = g.worker().call(ctx, mDrop, &wire.GroupRequest{Group: g.gid}, &wire.Done{})
		}
		cancel()
	}
	c.closeWorkers()
	return c.stopRay()
}

// closeWorkers closes every connection and stops spawned processes.
func (c *Cluster) closeWorkers() {
	var wg sync.WaitGroup
	for _, w := range c.workers {
		if w == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.close()
			if w.proc != nil {
				w.proc.stop(2 * time.Second)
			}
		}()
	}
	wg.Wait()
}
