package track

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// maxResponseBytes caps what the client reads of one MLflow response.
const maxResponseBytes = 16 << 20

// Client calls one MLflow tracking server's REST API. It is safe for
// concurrent use. Each call takes a context and is bounded by the
// configuration's request timeout.
type Client struct {
	base    *url.URL
	cfg     Config
	hc      *http.Client
	timeout time.Duration
}

// NewClient checks cfg and returns a client for its server. No request is
// made.
func NewClient(cfg Config) (*Client, error) {
	u, err := cfg.baseURL()
	if err != nil {
		return nil, err
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	t := cfg.RequestTimeout
	if t <= 0 {
		t = 10 * time.Second
	}
	return &Client{base: u, cfg: cfg, hc: hc, timeout: t}, nil
}

// URL returns the server's base URL.
func (c *Client) URL() string { return c.base.String() }

// APIError is an error answer from the MLflow server.
type APIError struct {
	// Endpoint is the method and path called.
	Endpoint string
	// Status is the HTTP status code.
	Status int
	// Code is MLflow's error_code, such as RESOURCE_DOES_NOT_EXIST.
	Code    string
	Message string
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("mlflow %s: HTTP %d", e.Endpoint, e.Status)
	if e.Code != "" {
		msg += " " + e.Code
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	switch e.Status {
	case http.StatusUnauthorized, http.StatusForbidden:
		msg += fmt.Sprintf(" (check %s, or %s and %s)", EnvTrackingToken, EnvTrackingUser, EnvTrackingPass)
	}
	return msg
}

// retryable reports whether err may go away by itself: the server could not
// be reached, timed out, was overloaded or failed internally. Errors the
// server reports about the request itself (4xx) are final.
func retryable(err error) bool {
	if err == nil {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Status >= 500 || ae.Status == http.StatusTooManyRequests || ae.Status == http.StatusRequestTimeout
	}
	if errors.Is(err, context.Canceled) {
		return false
	}
	var pe *permanentError
	if errors.As(err, &pe) {
		return false
	}
	return true // transport errors: refused, reset, timeout
}

// permanentError is a failure that no retry can mend: a spooled file that
// is gone, a call about a run or model whose creation was refused.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// permanent marks err as not worth retrying.
func permanent(err error) error { return &permanentError{err} }

// isCode reports whether err is an APIError with MLflow error code code.
func isCode(err error, code string) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Code == code
}

// call sends one JSON request to path (below the base URL) and decodes the
// JSON answer into out when out is not nil.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("mlflow %s %s: encode request: %w", method, path, err)
		}
		body = bytes.NewReader(data)
	}
	return c.send(ctx, method, path, query, body, "application/json", out)
}

// send performs one request with an arbitrary body.
func (c *Client) send(ctx context.Context, method, path string, query url.Values, body io.Reader, contentType string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := *c.base
	u.Path = c.base.Path + path
	u.RawPath = ""
	if query != nil {
		u.RawQuery = query.Encode()
	}
	endpoint := method + " " + path
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return fmt.Errorf("mlflow %s: %w", endpoint, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("User-Agent", "gotrain")
	switch {
	case c.cfg.Token != "":
		req.Header.Set("Authorization", "Bearer "+c.cfg.Token)
	case c.cfg.Username != "" || c.cfg.Password != "":
		req.SetBasicAuth(c.cfg.Username, c.cfg.Password)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return fmt.Errorf("mlflow %s at %s: %w", endpoint, c.base, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return fmt.Errorf("mlflow %s at %s: read answer: %w", endpoint, c.base, err)
	}
	if len(data) > maxResponseBytes {
		return fmt.Errorf("mlflow %s: answer larger than %d bytes refused", endpoint, maxResponseBytes)
	}
	if resp.StatusCode/100 != 2 {
		ae := &APIError{Endpoint: endpoint, Status: resp.StatusCode}
		var e struct {
			Code    string `json:"error_code"`
			Message string `json:"message"`
		}
		if json.Unmarshal(data, &e) == nil {
			ae.Code, ae.Message = e.Code, e.Message
		}
		if ae.Message == "" && len(data) > 0 {
			ae.Message = string(truncate(data, 300))
		}
		return ae
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("mlflow %s: answer is not the expected JSON (is %s an MLflow server?): %w", endpoint, c.base, err)
		}
	}
	return nil
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return append(b[:n:n], "…"...)
	}
	return b
}

// Ping checks that the server answers its health endpoint.
func (c *Client) Ping(ctx context.Context) error {
	return c.send(ctx, http.MethodGet, "/health", nil, nil, "", nil)
}
