//go:build !unix

package track

import "os"

// lockSpool is a no-op where flock is not available; do not run a job and
// `gotrain mlflow sync` on the same spool at once there.
func lockSpool(*os.File) error { return nil }
