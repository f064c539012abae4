package exec

import (
	"syscall"
	"unsafe"
)

// pipeUnread returns the number of bytes waiting in the pipe fd (FIONREAD,
// spelt TIOCINQ in package syscall); on failure 1, so that callers sync
// (slower, never out of order).
func pipeUnread(fd uintptr) int {
	var n int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&n))); e != 0 {
		return 1
	}
	return int(n)
}
