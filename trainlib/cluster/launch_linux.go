package cluster

import "syscall"

// childAttr puts a worker in its own process group (a terminal's Ctrl-C
// reaches the driver, which cancels cleanly, not the workers) and has the
// kernel SIGKILL it when the driver dies.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
