package exec

import "syscall"

// canTee: this platform can copy a pipe's bytes without consuming them.
const canTee = true

// teePipe copies up to n bytes from the pipe src to the pipe dst without
// taking them out of src, and returns how many; 0 when src is empty, dst
// full or the copy failed (the caller then reads without a copy).
func teePipe(src, dst, n int) int {
	const spliceNonblock = 0x2 // SPLICE_F_NONBLOCK: dst full fails with EAGAIN
	k, err := syscall.Tee(src, dst, n, spliceNonblock)
	if err != nil || k <= 0 {
		return 0
	}
	return int(k)
}

// journalPipe makes a pipe whose write end never blocks, neither end
// inherited by processes cells start.
func journalPipe() (p [2]int, err error) {
	err = syscall.Pipe2(p[:], syscall.O_CLOEXEC|syscall.O_NONBLOCK)
	return p, err
}
