//go:build !unix

package modules

import "os/exec"

// setProcessGroup leaves cmd as it is: cancelling kills go alone.
func setProcessGroup(cmd *exec.Cmd) {}
