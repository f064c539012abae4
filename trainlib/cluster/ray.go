package cluster

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// rayClient calls a Ray dashboard's REST API (Jobs and packages) with
// Ray's token, when the cluster requires one, as a Bearer header.
type rayClient struct {
	base  string // http://head:8265
	token string
	hc    *http.Client
}

// maxRayResponse caps what is read of one dashboard response (job logs).
const maxRayResponse = 16 << 20

// do sends one request and returns the body of a 2xx answer; other
// answers become errors that say what to do.
func (r *rayClient) do(ctx context.Context, method, path, contentType string, body io.Reader) ([]byte, int, error) {
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, body)
	if err != nil {
		return nil, 0, fmt.Errorf("ray: %s %s: %w", method, r.base+path, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		return nil, 0, fmt.Errorf("ray: %s %s: %w: is the Ray dashboard running there? (Config.Ray wants the dashboard URL, port 8265 by default, not the Ray Client port 10001)", method, r.base+path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxRayResponse))
	if err != nil {
		return nil, resp.StatusCode, fmt.Errorf("ray: %s %s: reading the answer: %w", method, r.base+path, err)
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return nil, resp.StatusCode, fmt.Errorf("ray: %s %s: %s: the Ray cluster requires an auth token and none was sent: set RAY_AUTH_TOKEN (or RayOptions.Token) to the cluster's token (`ray get-auth-token` on the head)", method, r.base+path, resp.Status)
	case resp.StatusCode == http.StatusForbidden:
		return nil, resp.StatusCode, fmt.Errorf("ray: %s %s: %s: the Ray cluster rejected the auth token: RAY_AUTH_TOKEN (or RayOptions.Token) differs from the cluster's token (`ray get-auth-token` on the head)", method, r.base+path, resp.Status)
	case resp.StatusCode/100 != 2:
		return nil, resp.StatusCode, fmt.Errorf("ray: %s %s: %s: %s", method, r.base+path, resp.Status, tail(string(b), 2000))
	}
	return b, resp.StatusCode, nil
}

// json sends body as JSON and decodes the answer into out (when non-nil).
func (r *rayClient) json(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("ray: encode %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	b, _, err := r.do(ctx, method, path, "application/json", rd)
	if err != nil {
		return err
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return fmt.Errorf("ray: %s %s: unexpected answer %q: %w", method, r.base+path, tail(string(b), 200), err)
		}
	}
	return nil
}

// rayJob is a submitted Ray job whose actors run gotrain workers.
type rayJob struct {
	c  *rayClient
	id string
	// workers are what the launcher reported, in worker order.
	workers []rayWorker
}

// rayWorker is one worker the launcher started.
type rayWorker struct {
	Addr      string
	PID       int // the gotrain worker's pid on its node
	ActorPID  int // its actor's pid on its node
	NodeIndex int
}

// rayJobSpec is what to submit.
type rayJobSpec struct {
	Workers, CPUs int
	// WorkingDir is the job's working_dir URI: the uploaded package
	// holding launch.py (and the gotrain binary, unless it is at a shared
	// path).
	WorkingDir string
	// Binary is the gotrain path on the nodes (relative to WorkingDir).
	Binary string
	// Version is what `gotrain version` must print on the nodes.
	Version string
	// SecretSHA256 is the digest of the workers' secret.
	SecretSHA256 string
	// TLS is the workers' per-job CA, certificate and key.
	TLS    *TLSFiles
	Lease  time.Duration
	Python string
	// PlaceTimeout bounds the wait for the placement group.
	PlaceTimeout time.Duration
}

// Terminal job states of Ray's Jobs API.
const (
	rayStopped   = "STOPPED"
	raySucceeded = "SUCCEEDED"
	rayFailed    = "FAILED"
)

func rayTerminal(s string) bool { return s == rayStopped || s == raySucceeded || s == rayFailed }

// submit submits the launcher job; see raylauncher/launch.py.
func (r *rayClient) submit(ctx context.Context, s rayJobSpec) (*rayJob, error) {
	idb := make([]byte, 8)
	if _, err := rand.Read(idb); err != nil {
		return nil, fmt.Errorf("ray: make a job id: %w", err)
	}
	j := &rayJob{c: r, id: "gotrain-" + hex.EncodeToString(idb)}
	args := fmt.Sprintf("--workers %d --cpus %d --binary %s --expect-version %s --lease %s --place-timeout %g",
		s.Workers, s.CPUs, shellQuote(s.Binary), shellQuote(s.Version), s.Lease, s.PlaceTimeout.Seconds())
	body := map[string]any{
		"entrypoint":    shellQuote(s.Python) + " " + rayLauncherName + " " + args,
		"submission_id": j.id,
		"runtime_env": map[string]any{
			"working_dir": s.WorkingDir,
			"env_vars": map[string]string{TokenSHA256Env: s.SecretSHA256,
				TLSCAEnv: string(s.TLS.CAPEM), TLSCertEnv: string(s.TLS.CertPEM), TLSKeyEnv: string(s.TLS.KeyPEM)},
		},
		"metadata": map[string]string{"gotrain": "workers"},
	}
	if err := r.json(ctx, http.MethodPost, "/api/jobs/", body, nil); err != nil {
		return nil, err
	}
	return j, nil
}

// waitWorkers polls the job's logs until the launcher reports every worker
// (or an error), the job ends, or ctx is done.
func (j *rayJob) waitWorkers(ctx context.Context, n int) error {
	for {
		var l struct {
			Logs string `json:"logs"`
		}
		if err := j.c.json(ctx, http.MethodGet, "/api/jobs/"+j.id+"/logs", nil, &l); err != nil {
			return err
		}
		ws, ready, failure := parseLauncherLog(l.Logs)
		if failure != "" {
			return fmt.Errorf("ray: job %s: %s", j.id, failure)
		}
		if ready {
			if len(ws) != n {
				return fmt.Errorf("ray: job %s reported %d workers, not %d; its log:\n%s", j.id, len(ws), n, tail(l.Logs, 4000))
			}
			j.workers = ws
			return nil
		}
		st, err := j.status(ctx)
		if err != nil {
			return err
		}
		if rayTerminal(st.Status) {
			return fmt.Errorf("ray: job %s ended %s before its workers started (%s); its log:\n%s", j.id, st.Status, st.Message, tail(l.Logs, 4000))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// parseLauncherLog reads the launcher's report lines from a job log.
func parseLauncherLog(log string) (ws []rayWorker, ready bool, failure string) {
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "GOTRAIN_ERROR "):
			return nil, false, strings.TrimPrefix(line, "GOTRAIN_ERROR ")
		case line == "GOTRAIN_READY":
			ready = true
		case strings.HasPrefix(line, "GOTRAIN_WORKER "):
			var w rayWorker
			if _, err := fmt.Sscanf(line, "GOTRAIN_WORKER %d %s %d %d", &w.NodeIndex, &w.Addr, &w.PID, &w.ActorPID); err == nil {
				ws = append(ws, w)
			}
		}
	}
	return ws, ready, ""
}

// rayJobStatus is the part of GET /api/jobs/{id} that the driver reads.
type rayJobStatus struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

// status returns the job's state (PENDING, RUNNING, STOPPED, SUCCEEDED,
// FAILED) and Ray's message about it.
func (j *rayJob) status(ctx context.Context) (rayJobStatus, error) {
	var s rayJobStatus
	err := j.c.json(ctx, http.MethodGet, "/api/jobs/"+j.id, nil, &s)
	return s, err
}

// stop asks Ray to stop the job (which ends its actors, and with them
// their workers) and waits until Ray reports it ended, within ctx.
func (j *rayJob) stop(ctx context.Context) error {
	err := j.c.json(ctx, http.MethodPost, "/api/jobs/"+j.id+"/stop", nil, nil)
	for {
		st, serr := j.status(ctx)
		if serr == nil && rayTerminal(st.Status) {
			return nil
		}
		if err == nil {
			err = serr
		}
		select {
		case <-ctx.Done():
			return errors.Join(fmt.Errorf("ray: job %s did not stop in time (last state %q): stop it with `ray job stop %s`", j.id, st.Status, j.id), err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// shellQuote quotes s for the POSIX shell Ray runs the entrypoint with.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// tail returns the end of s, at most n bytes.
func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
