//go:build unix

package kernel

import (
	"os"
	"syscall"
)

// PrivateStderr returns a duplicate of the process's stderr taken before a
// session redirects fd 2 to capture cells' output, so the kernel's own log
// still reaches the terminal (or the Jupyter server's log) and never a cell.
func PrivateStderr() *os.File {
	fd, err := syscall.Dup(2)
	if err != nil {
		return os.Stderr
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "stderr")
}
