package cluster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gotrain/gotrain/trainlib/cluster/wire"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/stats"
	"google.golang.org/grpc/status"
)

// LostError says a worker is gone (killed, crashed, unreachable or hung):
// the calls it had are lost, and its groups must move to another worker.
type LostError struct {
	Addr  string
	Cause string
}

// Error says which worker was lost and why.
func (e *LostError) Error() string {
	return fmt.Sprintf("cluster: worker %s lost: %s", e.Addr, e.Cause)
}

// workerConn is the driver's connection to one worker.
type workerConn struct {
	addr string
	conn *grpc.ClientConn
	proc *process // nil for a worker started elsewhere
	pid  int
	cpus int

	sent, recv atomic.Int64

	mu       sync.Mutex
	dead     *LostError
	inflight map[int64]context.CancelCauseFunc
	nextCall int64
	lastErr  string
	stopMon  context.CancelFunc
}

// streamWindow is the HTTP/2 flow-control window of a driver ⇄ worker
// connection and of each call on it.
const streamWindow = 16 << 20

// dialOptions are the gRPC options of a driver connection.
func dialOptions(secret string, tlsFiles *TLSFiles, maxMsg int, w *workerConn) ([]grpc.DialOption, error) {
	creds := &handshake{TransportCredentials: insecure.NewCredentials(), key: keyOf(secret)}
	if tlsFiles != nil {
		var err error
		if creds.TransportCredentials, err = tlsFiles.client(); err != nil {
			return nil, err
		}
	}
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.CallContentSubtype(wire.CodecName),
			grpc.MaxCallRecvMsgSize(maxMsg), grpc.MaxCallSendMsgSize(maxMsg)),
		grpc.WithStatsHandler(byteCounter{w}),
		grpc.WithInitialWindowSize(streamWindow), grpc.WithInitialConnWindowSize(streamWindow),
	}
	return opts, nil
}

// dial connects to the worker at addr and says hello: it checks the
// protocol version and the secret, and asks for a driver lease.
func dial(ctx context.Context, addr string, cfg *Config, secret string, proc *process) (*workerConn, error) {
	w := &workerConn{addr: addr, proc: proc, inflight: map[int64]context.CancelCauseFunc{}}
	opts, err := dialOptions(secret, cfg.TLS, cfg.maxMessage(), w)
	if err != nil {
		return nil, err
	}
	if w.conn, err = grpc.NewClient("passthrough:///"+addr, opts...); err != nil {
		return nil, fmt.Errorf("cluster: worker address %q: %w", addr, err)
	}
	hctx, cancel := context.WithTimeout(ctx, cfg.dialTimeout())
	defer cancel()
	var hello wire.HelloResponse
	err = w.conn.Invoke(hctx, fullMethod(mHello), &wire.HelloRequest{Protocol: wire.ProtocolVersion, LeaseMillis: cfg.lease().Milliseconds()}, &hello)
	if err != nil {
		_ = w.conn.Close()
		return nil, explainDial(addr, err, cfg.dialTimeout())
	}
	w.pid, w.cpus = hello.PID, hello.CPUs
	return w, nil
}

// explainDial names the address and the likely cause of a failed hello.
func explainDial(addr string, err error, timeout time.Duration) error {
	st, _ := status.FromError(err)
	msg := st.Message()
	switch {
	case strings.Contains(msg, "cluster secret"):
		return fmt.Errorf("cluster: worker %s rejected this driver (bad secret): %s", addr, msg[strings.Index(msg, "cluster: ")+len("cluster: "):])
	case st.Code() == codes.Unimplemented:
		return fmt.Errorf("cluster: %s answers gRPC but is not a gotrain worker of this version (%s): run `gotrain worker` there", addr, msg)
	case strings.Contains(msg, "protocol version"):
		return fmt.Errorf("cluster: worker %s: version mismatch: %s", addr, msg)
	case st.Code() == codes.DeadlineExceeded:
		return fmt.Errorf("cluster: worker %s did not answer within %v (timeout): is the address right, the port open in the firewall, and the worker not stopped?", addr, timeout)
	case strings.Contains(msg, "gotrain greeting") || strings.Contains(msg, "greeting is not"):
		return fmt.Errorf("cluster: worker %s: %s", addr, msg[strings.Index(msg, "cluster: ")+len("cluster: "):])
	case strings.Contains(msg, "connection refused"):
		return fmt.Errorf("cluster: cannot reach worker %s: connection refused: is `gotrain worker --listen %s` running there?", addr, addr)
	case strings.Contains(msg, "handshake"), strings.Contains(msg, "tls"), strings.Contains(msg, "certificate"):
		return fmt.Errorf("cluster: worker %s: TLS failed: %s: check the CA, certificate and key files on both sides", addr, msg)
	case strings.Contains(msg, "server preface"), strings.Contains(msg, "broken pipe"), strings.Contains(msg, "connection reset"):
		return fmt.Errorf("cluster: worker %s closed the connection before speaking gRPC (%s): it may require TLS (give the CA and client certificate) or not be a gotrain worker", addr, msg)
	default:
		return fmt.Errorf("cluster: worker %s: %s", addr, msg)
	}
}

// call invokes a method on the worker. It fails with a *LostError when the
// worker is (or turns out to be) gone, and with the worker's own error
// otherwise; either way it returns once ctx is done.
func (w *workerConn) call(ctx context.Context, method string, in, out any) error {
	w.mu.Lock()
	if w.dead != nil {
		d := w.dead
		w.mu.Unlock()
		return d
	}
	cctx, cancel := context.WithCancelCause(ctx)
	id := w.nextCall
	w.nextCall++
	w.inflight[id] = cancel
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		delete(w.inflight, id)
		w.mu.Unlock()
		cancel(nil)
	}()
	err := w.conn.Invoke(cctx, fullMethod(method), in, out)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if st, _ := status.FromError(err); st.Code() == codes.Unavailable {
		w.markDead("connection lost (" + st.Message() + ")")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dead != nil {
		return w.dead
	}
	w.lastErr = method + ": " + status.Convert(err).Message()
	return fmt.Errorf("worker %s: %s", w.addr, status.Convert(err).Message())
}

// markDead declares the worker lost: its calls in flight fail at once,
// later calls fail without trying, and a process we spawned is killed (a
// stopped process would otherwise come back and be confused).
func (w *workerConn) markDead(cause string) {
	w.mu.Lock()
	if w.dead != nil {
		w.mu.Unlock()
		return
	}
	w.dead = &LostError{Addr: w.addr, Cause: cause}
	w.lastErr = w.dead.Error()
	for _, c := range w.inflight {
		c(w.dead)
	}
	stop := w.stopMon
	w.mu.Unlock()
	if stop != nil {
		stop()
	}
	if w.proc != nil {
		w.proc.kill()
	}
}

// alive reports whether the worker has not been declared lost.
func (w *workerConn) alive() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.dead == nil
}

// isLost reports whether err means the worker is gone.
func isLost(err error) bool {
	var l *LostError
	return errors.As(err, &l)
}

// close stops monitoring and closes the connection.
func (w *workerConn) close() {
	w.mu.Lock()
	stop := w.stopMon
	w.mu.Unlock()
	if stop != nil {
		stop()
	}
	_ = w.conn.Close()
}

// byteCounter counts the payload bytes a connection sends and receives.
type byteCounter struct{ w *workerConn }

// TagRPC, TagConn, HandleConn and HandleRPC implement stats.Handler.
func (b byteCounter) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context { return ctx }
func (b byteCounter) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context {
	return ctx
}
func (b byteCounter) HandleConn(context.Context, stats.ConnStats) {}
func (b byteCounter) HandleRPC(_ context.Context, s stats.RPCStats) {
	switch p := s.(type) {
	case *stats.OutPayload:
		b.w.sent.Add(int64(p.WireLength))
	case *stats.InPayload:
		b.w.recv.Add(int64(p.WireLength))
	}
}
