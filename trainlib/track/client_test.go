package track

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestClientSendsCredentials(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		if got == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte("OK"))
	}))
	defer srv.Close()
	cases := []struct {
		cfg  Config
		want string
	}{
		{Config{Token: "tok"}, "Bearer tok"},
		{Config{Username: "ann", Password: "pw"}, "Basic YW5uOnB3"},
		{Config{Token: "tok", Username: "ann"}, "Bearer tok"}, // the token wins, as in MLflow
	}
	for _, c := range cases {
		c.cfg.TrackingURI = srv.URL
		cl, err := NewClient(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := cl.Ping(context.Background()); err != nil || got != c.want {
			t.Errorf("%+v: sent %q (%v), want %q", c.cfg, got, err, c.want)
		}
	}
	cl, _ := NewClient(Config{TrackingURI: srv.URL})
	err := cl.Ping(context.Background())
	if err == nil || !strings.Contains(err.Error(), EnvTrackingToken) || retryable(err) {
		t.Errorf("unauthorised: %v; want a final error naming %s", err, EnvTrackingToken)
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Setenv(EnvTrackingURI, " http://127.0.0.1:5000/ ")
	t.Setenv(EnvTrackingToken, "tok")
	t.Setenv(EnvTrackingUser, "u")
	t.Setenv(EnvTrackingPass, "p")
	t.Setenv(EnvExperimentName, "credit")
	cfg := ConfigFromEnv()
	cl, err := NewClient(cfg)
	if err != nil || cl.URL() != "http://127.0.0.1:5000" || cfg.experiment() != "credit" || cfg.Token != "tok" || cfg.Username != "u" || cfg.Password != "p" {
		t.Fatalf("%+v %v", cfg, err)
	}
	t.Setenv(EnvExperimentName, "")
	if ConfigFromEnv().experiment() != DefaultExperiment {
		t.Fatal("no experiment name should mean MLflow's Default")
	}
}

func TestAnswersAreCapped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(make([]byte, maxResponseBytes+10))
	}))
	defer srv.Close()
	cl, _ := NewClient(Config{TrackingURI: srv.URL})
	if _, err := cl.Experiment(context.Background(), "x"); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("oversized answer: %v", err)
	}
}
