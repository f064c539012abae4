package track

import "syscall"

// serverAttr puts the server in its own process group (Close signals the
// whole group) and has the kernel send it SIGTERM when the process that
// started it dies, however it dies: `mlflow server` forwards SIGTERM to its
// uvicorn child and exits, so no server outlives its kernel or CLI.
func serverAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
