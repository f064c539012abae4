//go:build !unix

package exec

import (
	"io"
	"reflect"
)

// lowLevelExtra adds nothing where syscall has no Kill or Exec.
func (s *Session) lowLevelExtra(map[string]reflect.Value, io.Writer, io.Writer) {}
