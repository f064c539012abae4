//go:build !unix

package kernel

import "os"

// PrivateStderr returns os.Stderr on systems without dup.
func PrivateStderr() *os.File { return os.Stderr }
