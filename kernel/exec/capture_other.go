//go:build !unix

package exec

// startFDCapture is not available on this platform: cells' interpreted
// output is still captured, compiled code's output is not.
func startFDCapture(sink streamSink) (*fdCapture, error) { return nil, nil }
