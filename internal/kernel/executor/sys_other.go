//go:build unix && !linux

package executor

import (
	"errors"
	"syscall"
)

// sysProcAttr: the executor's own process group (see sys_linux.go); here
// it notices the supervisor's death by its socket closing.
func sysProcAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// residentBytes is unknown here: the memory cap is the collector's soft
// limit only.
func residentBytes(int) (int64, error) {
	return 0, errors.New("resident memory is not known on this platform")
}
