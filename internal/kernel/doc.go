// Package kernel serves the Jupyter messaging protocol (5.3) over ZeroMQ
// sockets for a cell-execution Session (normally *exec.Session).
//
// One goroutine reads each channel: shell requests are queued and served in
// order by one worker (so cells run one at a time and replies keep their
// order); control (kernel_info, interrupt, shutdown) is answered at once, even
// while a cell runs; the heartbeat echoes on its own goroutine; stdin carries
// input_request/input_reply for a running cell. Every reply goes back on the
// request's own socket with its identity frames, and every request is
// wrapped in busy/idle status messages on iopub. Stream output is coalesced
// (flushed every 50 ms or at 64 KiB, in order with displays) and always
// reaches iopub before the cell's execute_reply.
//
// Frames that fail to decode — malformed, unsigned, mis-signed or oversized —
// are logged and dropped; the kernel keeps serving. Below the codec, the
// sockets listen through size-capped transports (framecap.go) so a peer
// cannot make zmq4 allocate an announced multi-gigabyte frame. Publishing
// never waits for a subscriber: each iopub subscriber has a bounded queue
// (pubqueue.go); a subscriber that does not read loses the messages beyond
// it, counted and logged, and never stalls a cell, the replies, control,
// the heartbeat or the other subscribers.
//
// In gotrain kernel the Session is an executor.Remote: cells run in a
// child process, so a Go runtime fatal error there costs the session's
// state but never these sockets (see package executor).
//
// Files: kernel.go (Kernel, Config, Run), connection.go (connection files),
// sockets.go and send.go (ZeroMQ I/O), queue.go and shell.go (shell
// requests in order), control.go, execute.go and cell.go (one cell and the
// exec.Output it gets), output.go (stream coalescing), history.go,
// signals.go, framecap.go and pubqueue.go (what the transports add to zmq4).
package kernel
