//go:build !unix

package exec

import (
	"os"
	"sync/atomic"
)

// startFDCapture is not available on this platform: cells' interpreted
// output is still captured, compiled code's output is not.
func startFDCapture(sink streamSink) (*fdCapture, error) { return nil, nil }

// fileReader: plain reads on this platform (see the unix version).
func fileReader(*os.File, *atomic.Int64, *atomic.Int32) (func([]byte) (int, error), func() int) {
	return nil, nil
}

// CapturedStderr is nil on this platform: nothing is captured.
func (s *Session) CapturedStderr() (*os.File, error) { return nil, nil }

// StderrJournal is nil on this platform: nothing is captured.
func (s *Session) StderrJournal() (*os.File, error) { return nil, nil }
