//go:build unix

package modules

import (
	"os/exec"
	"syscall"
)

// setProcessGroup makes cancelling cmd kill go and the processes it
// started (git, a compiler), not go alone.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
