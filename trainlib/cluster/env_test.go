package cluster

import (
	"context"
	"testing"
)

func TestConnectFromEnvironment(t *testing.T) {
	secret, _ := NewSecret()
	_, a := startWorker(t, secret)
	_, b := startWorker(t, secret)
	t.Setenv(WorkersEnv, a+", "+b)
	t.Setenv(TokenEnv, secret)
	c, err := Connect(context.Background(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st := c.Status(context.Background())
	if len(st.Workers) != 2 || st.Workers[0].Address != a || st.Workers[1].Address != b || st.Workers[0].Spawned {
		t.Fatalf("workers from %s:\n%s", WorkersEnv, st)
	}
}
