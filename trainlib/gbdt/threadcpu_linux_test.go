package gbdt

import (
	"syscall"
	"time"
)

// threadCPU returns the calling thread's CPU time (lock the goroutine to
// its thread first): on a shared machine, a kernel's CPU time is steadier
// than its wall time, which counts the time other processes run.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
