package cluster

import (
	"context"
	"strings"
	"testing"
)

func TestRayAddressFromEnv(t *testing.T) {
	t.Setenv("RAY_ADDRESS", "")
	t.Setenv("RAY_HEAD_SERVICE_HOST", "head")
	t.Setenv("RAY_HEAD_SERVICE_PORT", "8266")
	got, err := RayAddress("")
	if err != nil || got != "http://head:8266" {
		t.Fatalf("RayAddress = %q, %v; want http://head:8266", got, err)
	}
	t.Setenv("RAY_HEAD_SERVICE_HOST", "")
	if _, err := RayAddress(""); err == nil || !strings.Contains(err.Error(), "RAY_ADDRESS") {
		t.Fatalf("no address: err = %v; want one naming RAY_ADDRESS", err)
	}
}

func TestRayUnreachableNamesAddress(t *testing.T) {
	_, err := SubmitRay(context.Background(), RayConfig{Address: "http://127.0.0.1:1", Workers: 1})
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Fatalf("err = %v; want one naming the address", err)
	}
}
