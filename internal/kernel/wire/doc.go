// Package wire is the Jupyter messaging protocol's codec (version 5.3): it
// turns the frames of one ZeroMQ message and the connection key into a typed
// Message, and back. It does no I/O.
//
// A message on the wire is
//
//	identity… "<IDS|MSG>" signature header parent_header metadata content buffer…
//
// where signature is the hex HMAC-SHA256 of the next four frames under the
// connection key (an empty key disables signing). Decode checks sizes before
// it allocates, verifies the signature in constant time, and never panics:
// anything malformed comes back as an error saying what was wrong. Contents
// are decoded into the structs of content.go, whose Defaults methods give
// every optional field the value the specification prescribes.
package wire
