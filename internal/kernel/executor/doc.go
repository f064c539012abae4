// Package executor runs a kernel's cells in a child process, so that what
// Go cannot recover in-process — a runtime fatal error (out of memory,
// concurrent map writes, stack exhaustion, a fault in compiled code) —
// costs the session's state, never the kernel.
//
// Two processes: the supervisor (gotrain kernel: the ZeroMQ sockets,
// heartbeat, control, iopub, history; package kernel) holds a Remote,
// which implements the kernel's Session; the executor (gotrain
// kernel-executor, or any program that calls Serve) runs an exec.Session.
// They talk over a unix socket pair made by the supervisor and inherited
// as fd 3: nothing else can connect to it, so it needs no key. Each
// message is a 4-byte length and a JSON object (frame.go), at most 256
// MiB, checked before allocating. The supervisor sends execute,
// interrupt, complete, inspect, is_complete and input_reply; the executor
// sends ready, result, and a cell's stream, display, clear, go_error and
// input messages, tagged with the cell's id, on the one ordered stream —
// so stdout, stderr and displays reach the client in the order the
// executor's exec.Session produced them (fd 1 and 2 are captured inside
// the executor exactly as they were in-process).
//
// Dying well. The Go runtime writes a fatal error to fd 2, which in the
// executor is the capture pipe its own (now stopped) goroutines read. So
// the executor hands the supervisor a duplicate of that pipe's read end
// (SCM_RIGHTS, with its first byte) and routes debug.SetCrashOutput to a
// second pipe (fd 4). The first bytes there mean "dying": the supervisor
// drains the captured stderr itself (the runtime may block on it), kills
// the executor if it has not exited within crashGrace, parses the
// runtime's "fatal error: …" with the "runtime: …" lines before it and
// the crashing goroutine's stack (fatal.go), fails the running cell with
// that (FatalError) and a note that the state is lost, and starts a fresh
// executor at once. A death between cells is shown under the latest cell.
// The executor gets SIGKILL when the supervisor dies (Pdeathsig) and
// exits when its socket closes; it has its own process group, so SIGINT
// sent to the kernel's group is the supervisor's to forward as an
// interrupt message.
//
// Memory. Config.MemoryLimit (gotrain kernel --memory-limit, default
// DefaultMemoryShare of the machine or cgroup) is the executor's
// collector soft limit and a hard cap: the supervisor reads the
// executor's resident size every 50 ms and kills it past the cap
// (MemoryLimit error). An allocation the system refuses outright (make of
// 160 GB) is the runtime's own "out of memory" fatal error, at once.
//
// Another executor program. Remote.Restart(ctx, binary, args) swaps in a
// fresh executor from another program — one built with more compiled
// packages, say — between cells; state is lost, so its caller replays
// the cells it needs or tells the user. Such a program's main only calls
// Serve with its exec.Options.
package executor
