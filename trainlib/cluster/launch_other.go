//go:build !linux

package cluster

import "syscall"

// childAttr has no parent-death signal outside Linux; the closed stdin
// pipe and the driver lease end orphaned workers there.
func childAttr() *syscall.SysProcAttr { return nil }
