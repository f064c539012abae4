//go:build unix && !linux

package track

import "syscall"

// serverAttr puts the server in its own process group, so that Close
// signals the whole group. (Only Linux can also stop it when its parent
// dies.)
func serverAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
