package kernel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/gotrain/gotrain/internal/kernel/exec"
	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// Session runs cells; *exec.Session implements it. Execute calls are
// serialised by the kernel; the others may run at any time.
type Session interface {
	Execute(ctx context.Context, code string, out exec.Output) exec.Result
	Complete(code string, cursorPos int) exec.CompleteResult
	Inspect(code string, cursorPos, detailLevel int) (exec.MIMEBundle, bool)
	IsComplete(code string) (status, indent string)
	Close() error
}

var _ Session = (*exec.Session)(nil)

// Config describes one kernel.
type Config struct {
	Conn    ConnectionInfo
	Session Session
	// Log receives the kernel's diagnostics; nil discards them.
	Log *log.Logger
	// Version is reported as implementation_version.
	Version string
	// Debug logs every message received.
	Debug bool

	// iopubLimits bound the iopub subscribers' queues; zero means
	// defaultPubLimits. Tests lower them.
	iopubLimits pubLimits
}

// Kernel is one running Jupyter kernel: its sockets, the session, the
// execution counter and the history of this session.
type Kernel struct {
	cfg     Config
	key     []byte
	session string // the kernel's session id, in every header
	log     *log.Logger

	shell, control, stdin, iopub, hb *socket

	ctx    context.Context // cancelled at shutdown
	cancel context.CancelFunc

	queue   *shellQueue
	out     *iopubOutput
	pub     *pubStats // iopub subscribers' queues
	history history
	inputs  chan string // input_reply values for the cell waiting on stdin
	inputMu sync.Mutex  // one input_request at a time

	mu          sync.Mutex
	count       int                // execution_count
	cellCancel  context.CancelFunc // interrupts the running cell, nil when idle
	sigint      bool               // HandleSignals is active: SIGINT is caught only during cells
	shutdownErr error

	subscriberOnce sync.Once // see awaitFirstSubscriber

	done     chan struct{}
	doneOnce sync.Once
}

// New binds the kernel's five sockets as cfg.Conn says. Call Run to serve.
func New(cfg Config) (*Kernel, error) {
	if cfg.Session == nil {
		return nil, errors.New("kernel: no Session configured")
	}
	if err := registerCapped(); err != nil {
		return nil, fmt.Errorf("kernel: register the size-capped transports: %w", err)
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	ctx, cancel := context.WithCancel(context.Background())
	k := &Kernel{
		cfg:     cfg,
		key:     []byte(cfg.Conn.Key),
		session: uuid.NewString(),
		log:     cfg.Log,
		ctx:     ctx,
		cancel:  cancel,
		queue:   newShellQueue(),
		inputs:  make(chan string, 1),
		done:    make(chan struct{}),
	}
	k.pub = &pubStats{limits: defaultPubLimits, logf: k.log.Printf}
	if cfg.iopubLimits != (pubLimits{}) {
		k.pub.limits = cfg.iopubLimits
	}
	if err := k.bind(); err != nil {
		cancel()
		k.closeSockets()
		return nil, err
	}
	k.out = newIOPubOutput(k)
	return k, nil
}

// Run serves until a shutdown_request arrives, Shutdown is called or ctx
// ends, then closes the session and the sockets.
func (k *Kernel) Run(ctx context.Context) error {
	k.publishStatus(wire.Header{}, wire.StateStarting)
	if k.cfg.Debug {
		k.log.Printf("serving")
	}
	go k.heartbeat()
	go k.readLoop(k.shell, k.queue.push)
	go k.readLoop(k.control, k.handleControl)
	go k.readLoop(k.stdin, k.handleStdin)
	go k.serveShell()
	select {
	case <-ctx.Done():
	case <-k.done:
	}
	return k.stop()
}

// Interrupt stops the running cell, if any, by cancelling its context.
func (k *Kernel) Interrupt() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.cellCancel != nil {
		k.cellCancel()
	}
}

// IOPubDropped counts the iopub messages dropped so far because a
// subscriber did not read them: its queue was full (pubqueue.go).
func (k *Kernel) IOPubDropped() int64 { return k.pub.dropped.Load() }

// Shutdown asks Run to return.
func (k *Kernel) Shutdown() {
	k.doneOnce.Do(func() { close(k.done) })
}

// Ports returns the bound ports in the order shell, iopub, stdin, control,
// hb; useful when the connection file asked for port 0.
func (k *Kernel) Ports() (shell, iopub, stdin, control, hb int) {
	return k.shell.port(), k.iopub.port(), k.stdin.port(), k.control.port(), k.hb.port()
}

// stop interrupts the cell, closes the session (waiting at most two
// seconds for it) and the sockets.
func (k *Kernel) stop() error {
	k.Interrupt()
	k.queue.close()
	closed := make(chan error, 1)
	go func() { closed <- k.cfg.Session.Close() }()
	var err error
	select {
	case err = <-closed:
	case <-time.After(2 * time.Second):
		err = errors.New("kernel: the session did not close within 2 s (a cell is stuck in compiled code)")
	}
	k.out.flush()
	time.Sleep(50 * time.Millisecond) // let queued iopub messages leave
	k.cancel()
	k.closeSockets()
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
