package cluster

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

//go:embed raylauncher/launch.py
var rayLauncher string

// RayConfig says how to run gotrain workers as actors of a Ray job.
type RayConfig struct {
	// Address is the Ray dashboard URL, e.g. http://127.0.0.1:8265; empty
	// means RAY_ADDRESS, then RAY_HEAD_SERVICE_HOST/RAY_HEAD_SERVICE_PORT.
	Address string
	// Workers is the number of worker actors; CPUsPerWorker their CPUs.
	Workers       int
	CPUsPerWorker float64
	// Binary is the gotrain binary path as seen on the Ray nodes (a shared
	// path); empty means this process's executable.
	Binary string
	// Token is the Ray auth token; empty means RAY_AUTH_TOKEN.
	Token string
}

// RayJob is a submitted Ray job running gotrain workers.
type RayJob struct {
	base, token, id string
	// Addresses are the workers' host:port; Secret their cluster secret.
	Addresses []string
	Secret    string
	// PIDs are the worker process ids on their nodes, in Addresses order.
	PIDs []string
}

// RayAddress resolves the dashboard URL from addr or the environment.
func RayAddress(addr string) (string, error) {
	if addr == "" {
		addr = os.Getenv("RAY_ADDRESS")
	}
	if addr == "" && os.Getenv("RAY_HEAD_SERVICE_HOST") != "" {
		port := os.Getenv("RAY_HEAD_SERVICE_PORT")
		if port == "" {
			port = "8265"
		}
		addr = "http://" + os.Getenv("RAY_HEAD_SERVICE_HOST") + ":" + port
	}
	if addr == "" {
		return "", fmt.Errorf("ray: no cluster address: set RayConfig.Address, RAY_ADDRESS or RAY_HEAD_SERVICE_HOST/RAY_HEAD_SERVICE_PORT")
	}
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	return strings.TrimRight(addr, "/"), nil
}

// SubmitRay submits the launcher job and waits until every worker has
// reported its address in the job logs.
func SubmitRay(ctx context.Context, cfg RayConfig) (*RayJob, error) {
	base, err := RayAddress(cfg.Address)
	if err != nil {
		return nil, err
	}
	if cfg.Workers < 1 {
		return nil, fmt.Errorf("ray: Workers is %d; it must be at least 1", cfg.Workers)
	}
	if cfg.CPUsPerWorker <= 0 {
		cfg.CPUsPerWorker = 1
	}
	if cfg.Binary == "" {
		if cfg.Binary, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("ray: locate the gotrain binary: %w; set RayConfig.Binary", err)
		}
	}
	tok := cfg.Token
	if tok == "" {
		tok = os.Getenv("RAY_AUTH_TOKEN")
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return nil, err
	}
	j := &RayJob{base: base, token: tok, Secret: hex.EncodeToString(buf)}
	idb := make([]byte, 8)
	_, _ = rand.Read(idb)
	j.id = "gotrain-" + hex.EncodeToString(idb)
	body := map[string]any{
		"entrypoint":    "python -c \"import os; exec(os.environ['GOTRAIN_RAY_LAUNCHER'])\"",
		"submission_id": j.id,
		"runtime_env": map[string]any{"env_vars": map[string]string{
			"GOTRAIN_RAY_LAUNCHER": rayLauncher,
			"GOTRAIN_RAY_WORKERS":  fmt.Sprint(cfg.Workers),
			"GOTRAIN_RAY_CPUS":     fmt.Sprint(cfg.CPUsPerWorker),
			"GOTRAIN_RAY_BIN":      cfg.Binary,
			"GOTRAIN_TOKEN":        j.Secret,
		}},
	}
	if _, err := j.call(ctx, http.MethodPost, "/api/jobs/", body); err != nil {
		return nil, err
	}
	for {
		logs, err := j.call(ctx, http.MethodGet, "/api/jobs/"+j.id+"/logs", nil)
		if err != nil {
			j.Stop(context.WithoutCancel(ctx))
			return nil, err
		}
		var l struct{ Logs string }
		_ = json.Unmarshal(logs, &l)
		if strings.Contains(l.Logs, "GOTRAIN_READY") {
			sc := bufio.NewScanner(strings.NewReader(l.Logs))
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				if len(f) == 3 && f[0] == "GOTRAIN_WORKER" {
					j.Addresses = append(j.Addresses, f[1])
					j.PIDs = append(j.PIDs, f[2])
				}
			}
			return j, nil
		}
		st, err := j.Status(ctx)
		if err == nil && (st == "FAILED" || st == "STOPPED" || st == "SUCCEEDED") {
			return nil, fmt.Errorf("ray: job %s ended %s before its workers started; its logs:\n%s", j.id, st, l.Logs)
		}
		select {
		case <-ctx.Done():
			j.Stop(context.WithoutCancel(ctx))
			return nil, ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
	}
}

// ID is the job's submission id.
func (j *RayJob) ID() string { return j.id }

// Status is the job's state (PENDING, RUNNING, STOPPED, SUCCEEDED, FAILED).
func (j *RayJob) Status(ctx context.Context) (string, error) {
	b, err := j.call(ctx, http.MethodGet, "/api/jobs/"+j.id, nil)
	if err != nil {
		return "", err
	}
	var s struct{ Status string }
	if err := json.Unmarshal(b, &s); err != nil {
		return "", fmt.Errorf("ray: job status of %s: %w", j.id, err)
	}
	return s.Status, nil
}

// Stop stops the job, which ends every worker actor and its process.
func (j *RayJob) Stop(ctx context.Context) error {
	_, err := j.call(ctx, http.MethodPost, "/api/jobs/"+j.id+"/stop", nil)
	return err
}

func (j *RayJob) call(ctx context.Context, method, path string, body any) ([]byte, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, j.base+path, r)
	if err != nil {
		return nil, fmt.Errorf("ray: %s %s: %w", method, j.base+path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	if j.token != "" {
		req.Header.Set("Authorization", "Bearer "+j.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("ray: %s %s: %w (is the Ray dashboard running there?)", method, j.base+path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		return nil, fmt.Errorf("ray: %s %s: %s: the cluster requires a token; set RAY_AUTH_TOKEN", method, j.base+path, resp.Status)
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("ray: %s %s: %s: %s", method, j.base+path, resp.Status, bytes.TrimSpace(b))
	}
	return b, nil
}
