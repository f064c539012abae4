//go:build !linux

package gbdt

import "time"

// threadCPU returns 0 where the thread's CPU time is not read.
func threadCPU() time.Duration { return 0 }
