package exec

import (
	"io"
	"maps"
	"reflect"

	"github.com/traefik/yaegi/interp"
	ysyscall "github.com/traefik/yaegi/stdlib/syscall"
	yunsafe "github.com/traefik/yaegi/stdlib/unsafe"
)

// lowLevelStd are the standard packages yaegi ships outside stdlib.Symbols:
// unsafe (Pointer, Sizeof, Alignof, Offsetof, Add; the generic Slice,
// String, StringData and SliceData are not there) and syscall (the
// signals os/signal programs name, Getpid, and Kill and Exec:
// lowlevel_unix.go). Without them a program
// importing either fails with "unable to find source related to".
// syscall.Exit would end the kernel's process, so it is the cell's
// os.Exit (overrides.go).
func (s *Session) lowLevelStd(stdout, stderr io.Writer) interp.Exports {
	out := interp.Exports{}
	maps.Copy(out, yunsafe.Symbols)
	maps.Copy(out, ysyscall.Symbols)
	sys := maps.Clone(out["syscall/syscall"])
	s.lowLevelExtra(sys, stdout, stderr)
	sys["Exit"] = reflect.ValueOf(func(code int) { s.osExit(exitPanic{code: code}) })
	out["syscall/syscall"] = sys
	return out
}
