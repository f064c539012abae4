package track

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// Environment variables read by ConfigFromEnv, as MLflow's own clients name
// them.
const (
	EnvTrackingURI    = "MLFLOW_TRACKING_URI"
	EnvTrackingToken  = "MLFLOW_TRACKING_TOKEN"
	EnvTrackingUser   = "MLFLOW_TRACKING_USERNAME"
	EnvTrackingPass   = "MLFLOW_TRACKING_PASSWORD"
	EnvExperimentName = "MLFLOW_EXPERIMENT_NAME"
)

// DefaultExperiment is the experiment runs go to when none is named, as in
// MLflow.
const DefaultExperiment = "Default"

// Config says which MLflow tracking server to talk to and how.
type Config struct {
	// TrackingURI is the server's base URL, http:// or https://.
	TrackingURI string
	// Token, when set, is sent as a bearer token. Otherwise Username and
	// Password, when set, are sent as HTTP basic authentication.
	Token              string
	Username, Password string
	// ExperimentName is where runs go; DefaultExperiment when empty.
	ExperimentName string
	// RequestTimeout bounds each HTTP request (10 s when zero).
	RequestTimeout time.Duration
	// HTTPClient is used for requests; a plain client when nil.
	HTTPClient *http.Client
}

// ConfigFromEnv reads MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN,
// MLFLOW_TRACKING_USERNAME, MLFLOW_TRACKING_PASSWORD and
// MLFLOW_EXPERIMENT_NAME. TrackingURI is empty when nothing is configured.
func ConfigFromEnv() Config {
	return Config{
		TrackingURI:    strings.TrimSpace(os.Getenv(EnvTrackingURI)),
		Token:          os.Getenv(EnvTrackingToken),
		Username:       os.Getenv(EnvTrackingUser),
		Password:       os.Getenv(EnvTrackingPass),
		ExperimentName: os.Getenv(EnvExperimentName),
	}
}

// experiment returns the experiment name to use.
func (c Config) experiment() string {
	if c.ExperimentName == "" {
		return DefaultExperiment
	}
	return c.ExperimentName
}

// baseURL validates TrackingURI and returns it parsed.
func (c Config) baseURL() (*url.URL, error) {
	if c.TrackingURI == "" {
		return nil, fmt.Errorf("no MLflow tracking server configured: set %s (e.g. http://127.0.0.1:5000) or run `gotrain mlflow` to start one", EnvTrackingURI)
	}
	u, err := url.Parse(c.TrackingURI)
	if err != nil {
		return nil, fmt.Errorf("%s=%q is not a URL: %w", EnvTrackingURI, c.TrackingURI, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%s=%q: gotrain talks to an MLflow tracking server over http:// or https:// only (for a local store, run `gotrain mlflow` to start a server on it)", EnvTrackingURI, c.TrackingURI)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%s=%q has no host", EnvTrackingURI, c.TrackingURI)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}
