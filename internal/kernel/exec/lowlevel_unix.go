//go:build unix

package exec

import (
	"reflect"
	"syscall"
)

// lowLevelExtra adds what yaegi's syscall table leaves out and programs
// that signal themselves call (syscall.Kill(os.Getpid(), syscall.SIGUSR1)).
func lowLevelExtra(sys map[string]reflect.Value) {
	sys["Kill"] = reflect.ValueOf(syscall.Kill)
}
