//go:build !unix

package exec

import "reflect"

// lowLevelExtra adds nothing where syscall has no Kill.
func lowLevelExtra(map[string]reflect.Value) {}
