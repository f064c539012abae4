package cluster

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
)

// RayOptions tunes how Connect runs the workers on a Ray cluster (when
// Config.Ray is set).
type RayOptions struct {
	// Token is the cluster's auth token, for clusters started with
	// RAY_AUTH_MODE=token; empty means $RAY_AUTH_TOKEN. It is sent as
	// "Authorization: Bearer <token>" to the dashboard.
	Token string
	// NodeBinary is the path of the gotrain binary on every node (a shared
	// file system, or baked into the nodes' image). Empty means upload
	// this driver's binary ($GOTRAIN_BIN or the running program) as the
	// job's working_dir package; it is uploaded once per binary and
	// cluster, and cached by Ray on each node.
	NodeBinary string
	// Python runs the launcher on the head; empty means "python" (the
	// Python that Ray is installed in must come first on PATH there).
	Python string
	// StartTimeout bounds the wait for the workers to be placed and
	// started; 0 means 3 minutes.
	StartTimeout time.Duration
}

// connectRay runs the workers as actors of a Ray job and connects to them:
// it uploads the package (launcher, and binary unless NodeBinary is set),
// submits the job with the digest of a fresh secret and a per-job TLS CA
// and certificate (the workers serve only mutual TLS), reads the workers'
// addresses from the job's log and says hello to each. On any failure the
// job is stopped.
func (c *Cluster) connectRay(ctx context.Context) error {
	base, err := RayAddress(c.cfg.Ray)
	if err != nil {
		return err
	}
	if len(c.cfg.Addresses) > 0 {
		return fmt.Errorf("ray: give Ray (workers placed on a Ray cluster) or Addresses (workers started elsewhere), not both")
	}
	o := c.cfg.RayOptions
	if c.cfg.Spawn <= 0 {
		c.cfg.Spawn = 1
	}
	if c.cfg.CPUsPerWorker <= 0 {
		c.cfg.CPUsPerWorker = 1
	}
	if o.Token == "" {
		o.Token = strings.TrimSpace(os.Getenv("RAY_AUTH_TOKEN"))
	}
	if o.Python == "" {
		o.Python = "python"
	}
	if o.StartTimeout <= 0 {
		o.StartTimeout = 3 * time.Minute
	}
	rc := &rayClient{base: base, token: o.Token, hc: &http.Client{}}
	if err := rc.json(ctx, http.MethodGet, "/api/version", nil, &struct{}{}); err != nil {
		return err
	}
	local, err := workerBinary(c.cfg.Binary)
	if err != nil {
		return err
	}
	version, err := binaryVersion(ctx, local)
	if err != nil {
		return err
	}
	pkgBinary, nodeBinary := local, rayBinaryName
	if o.NodeBinary != "" {
		pkgBinary, nodeBinary = "", o.NodeBinary
	}
	sctx, cancel := context.WithTimeout(ctx, o.StartTimeout)
	defer cancel()
	pkg, err := newRayPackage(pkgBinary)
	if err != nil {
		return err
	}
	if err := rc.upload(sctx, pkg); err != nil {
		return startErr(ctx, err, o.StartTimeout)
	}
	if c.secret, err = NewSecret(); err != nil {
		return err
	}
	workerTLS, driverTLS, err := newJobTLS()
	if err != nil {
		return err
	}
	c.cfg.TLS = driverTLS
	job, err := rc.submit(sctx, rayJobSpec{
		Workers: c.cfg.Spawn, CPUs: c.cfg.CPUsPerWorker,
		WorkingDir: pkg.uri, Binary: nodeBinary, Version: version,
		SecretSHA256: secretDigest(c.secret), TLS: workerTLS, Lease: c.cfg.lease(), Python: o.Python,
		// The launcher gives up placing the actors first, so that its
		// message (how many CPUs the cluster has) reaches the user.
		PlaceTimeout: max(5*time.Second, o.StartTimeout/2),
	})
	if err != nil {
		return startErr(ctx, err, o.StartTimeout)
	}
	c.ray = job
	err = job.waitWorkers(sctx, c.cfg.Spawn)
	if err == nil {
		addrs := make([]string, len(job.workers))
		for i, w := range job.workers {
			addrs[i] = w.Addr
		}
		err = c.dialAll(sctx, addrs)
	}
	if err != nil {
		_ = c.stopRay()
		return startErr(ctx, err, o.StartTimeout)
	}
	return nil
}

// startErr explains a start that ran out of time.
func startErr(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return fmt.Errorf("ray: the workers did not start within %v (RayOptions.StartTimeout): is the cluster busy, or short of CPUs? %w", timeout, err)
	}
	return err
}

// stopRay stops the Ray job (and with it every worker), waiting up to
// 30 s for Ray to report it ended. It does nothing when the cluster does
// not run on Ray.
func (c *Cluster) stopRay() error {
	if c.ray == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return c.ray.stop(ctx)
}

// RayJobID returns the submission id of the Ray job running the workers
// (see `ray job status ID`), or "" when the cluster does not run on Ray.
func (c *Cluster) RayJobID() string {
	if c.ray == nil {
		return ""
	}
	return c.ray.id
}

// binaryVersion runs `bin version`: the line the workers' binary must
// print too.
func binaryVersion(ctx context.Context, bin string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "version").Output()
	v := strings.TrimSpace(string(out))
	if err != nil || !strings.HasPrefix(v, "gotrain ") {
		return "", fmt.Errorf("ray: %s is not a gotrain binary (`%s version` printed %q, %v): set %s to the gotrain binary to run on the Ray nodes", bin, bin, tail(v, 200), err, BinEnv)
	}
	return v, nil
}
