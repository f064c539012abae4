//go:build unix

package track

import (
	"fmt"
	"os"
	"syscall"
)

// lockSpool takes an exclusive lock on the open spool file, so that a job
// and `gotrain mlflow sync` never replay the same spool at once. The lock
// goes with the file descriptor: closing the spool releases it.
func lockSpool(f *os.File) error {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return fmt.Errorf("mlflow spool %s is in use by another gotrain process (a running job or sync); wait for it to finish: %w", f.Name(), err)
	}
	return nil
}
