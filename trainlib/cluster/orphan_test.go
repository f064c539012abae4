package cluster

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// driverEnv makes the test binary act as a driver process (see
// actAsDriver) for TestNoOrphansWhenDriverDies.
const driverEnv = "GOTRAIN_CLUSTER_TEST_DRIVER"

// actAsDriver spawns two workers, prints their PIDs and waits to be
// killed.
func actAsDriver() int {
	c, err := Connect(context.Background(), Config{Spawn: 2})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	var ps []string
	for _, w := range c.workers {
		ps = append(ps, strconv.Itoa(w.pid))
	}
	fmt.Println("pids", strings.Join(ps, " "))
	time.Sleep(time.Minute)
	return 0
}

func TestNoOrphansWhenDriverDies(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), driverEnv+"=1", BinEnv+"="+testBin)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	fields := strings.Fields(line)
	if len(fields) != 3 || fields[0] != "pids" {
		_ = cmd.Process.Kill()
		t.Fatalf("driver said %q", line)
	}
	var workers []int
	for _, f := range fields[1:] {
		pid, _ := strconv.Atoi(f)
		workers = append(workers, pid)
		pids[pid] = true
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	for _, pid := range workers {
		deadline := time.Now().Add(10 * time.Second)
		for syscall.Kill(pid, 0) == nil && !zombie(pid) {
			if time.Now().After(deadline) {
				t.Fatalf("worker %d still runs 10 s after its driver was killed", pid)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// zombie reports whether pid has exited but not been reaped.
func zombie(pid int) bool {
	st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	return err == nil && strings.Contains(string(st), ") Z ")
}

func TestCloseStopsSpawnedWorkers(t *testing.T) {
	c, err := Connect(context.Background(), Config{Spawn: 2, Binary: testBin})
	if err != nil {
		t.Fatal(err)
	}
	recordPIDs(c)
	ws := c.workers
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		select {
		case <-w.proc.done:
		default:
			t.Fatalf("worker %d runs after Close", w.pid)
		}
	}
	// Connect's context bounds the connecting, not the cluster's life: a
	// notebook connects in one cell and trains in the next.
	ctx, cancel := context.WithCancel(context.Background())
	c, err = Connect(ctx, Config{Spawn: 1, Binary: testBin})
	if err != nil {
		t.Fatal(err)
	}
	recordPIDs(c)
	cancel()
	select {
	case <-c.workers[0].proc.done:
		t.Fatal("the worker stopped when Connect's context was cancelled")
	case <-time.After(500 * time.Millisecond):
	}
	if st := c.Status(context.Background()); len(st.Workers) != 1 || !st.Workers[0].Alive {
		t.Fatalf("status after the connect context ended: %+v", st)
	}
	w := c.workers[0]
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.proc.done:
	case <-time.After(10 * time.Second):
		t.Fatal("worker runs 10 s after Close")
	}
}
