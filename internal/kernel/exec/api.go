// Package exec runs notebook cells: a yaegi interpreter session whose state
// persists between cells, with cell preprocessing, output capture, rich
// values, completion, inspection and magics. It knows nothing of sockets or
// the wire format; package kernel drives it through Session.
//
// How a cell runs (execute.go): magic and shell lines first (magic.go);
// the Go code is cut into runs of imports, declarations and statements
// (split.go), because yaegi cannot evaluate them together; each run is
// parsed with a line directive so every position names the cell's own line
// and column, rewritten to close yaegi v0.16.1's gaps with Go 1.22+
// (rewrite.go: range over int, per-iteration loop variables, guarded go
// statements, a recursion bound), compiled under recover and run; a final
// expression's value is rendered richly (value.go).
//
// Output (capture*.go, stdio.go): file descriptors 1 and 2 are pipes while
// a session lives, so compiled code's writes reach the running cell too;
// the interpreter's fmt.Print*, log and os.Stdout/os.Stderr (a StdStream
// in cells) write through one ordered path that first forwards what
// compiled code wrote before, so stdout and stderr keep program order;
// a flood of output slows the cell to the kernel's publishing speed
// instead of filling memory; what a goroutine prints after its cell ended
// goes to that cell until the next one starts. Standard input is an on-demand reader (stdin.go). Calls that
// would end the process (os.Exit, log.Fatal, runtime.Goexit) end the cell
// instead, failing it unless the status is os.Exit(0) (overrides.go), and interrupts stop the interpreter through its
// own stop (stop.go). Cells display through github.com/gotrain/gotrain/
// kernel/display, bound to the session, and pass display.Context() to long
// library calls so that an interrupt cancels them.
//
// Before a cell runs, go/types checks it against what earlier cells
// declared (typecheck.go): mistakes fail the cell with Go's own messages at
// cell positions, and the types found rewrite min, max and clear, which
// yaegi lacks (builtins.go). A cell's func main runs once, as `go run`
// runs it (mainfunc.go); a redefined function's earlier callers are
// declared again so they call the new one (latebind.go).
//
// A type defined again with a different body takes effect under a fresh
// internal name that later cells' identifiers are renamed to
// (typenames.go); values and functions from before keep the old type.
//
// More yaegi v0.16.1 gaps closed by rewriting: a multi-value `:=` in a
// nested block at top level runs that statement in a closure (nested.go);
// `x := m[k]` on a map of a compiled named type converts m to its unnamed
// type (namedmap.go). Known limits, with their workaround: the second
// works only when m is a variable (or a field of one) defined in an
// earlier cell, when m's key and element types are spelled without
// package names (map[string]map[string][]float64 is; map[string]pkg.T is
// not): define m in its own cell. The comma-ok forms at top level
// (`v, ok := m[k]`, `x.(T)`, `<-ch`) become declarations and an
// assignment (stdpkgs.go, commaOK). A cell whose last expression is a nil interface
// value (a call returning a nil error) shows nothing, as None does in
// ipykernel; a display handle shows nothing, its call already displayed.
package exec

import (
	"errors"
	"go/token"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/traefik/yaegi/interp"

	"github.com/gotrain/gotrain/internal/kernel/docs"
	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/kernel/display"
)

// MIMEBundle maps MIME types to JSON-ready data, as in Jupyter's display
// messages: "text/plain" → string, "image/png" → base64 string,
// "application/json" → any JSON value.
type MIMEBundle map[string]any

// Output receives what a running cell shows. Implementations are safe for
// concurrent use: goroutines a cell starts may write at any time.
type Output interface {
	// Stream sends text to "stdout" or "stderr".
	Stream(name, text string)
	// Display shows data. A non-empty displayID names the display so a later
	// call with update set replaces it in place (update_display_data).
	Display(data MIMEBundle, metadata map[string]any, displayID string, update bool)
	// ClearOutput clears the cell's output, now or (wait) before the next output.
	ClearOutput(wait bool)
	// Input asks the user for one line of input; it returns ErrNoStdin when
	// the client does not allow stdin.
	Input(prompt string, password bool) (string, error)
}

// ErrNoStdin is returned by Output.Input when the client set allow_stdin false.
var ErrNoStdin = errors.New("this client does not accept input (allow_stdin is false)")

// Error is a cell's failure as Jupyter shows it.
type Error struct {
	Name, Value string
	// Traceback is always a list (possibly of one line); lines may hold ANSI colours.
	Traceback []string
}

// Result is what one cell produced besides its streamed output.
type Result struct {
	// Value is the last expression's value (execute_result), nil if none.
	Value MIMEBundle
	// Err is non-nil when the cell failed; Value is then nil.
	Err *Error
	// Payload holds reply payloads such as {"source": "page", ...}.
	Payload []map[string]any
	// Switch, when set, asks the supervisor to continue the session in
	// another executor program and run the cell again there (replay.go);
	// Err then says why, for a caller that cannot switch.
	Switch *Switch `json:",omitempty"`
}

// CompleteResult answers a completion request; Start and End are cursor
// positions in Unicode code points.
type CompleteResult struct {
	Matches    []string
	Start, End int
	Metadata   map[string]any
}

// Options configure a Session.
type Options struct {
	// Log receives the kernel's own diagnostics (never a cell's output).
	Log func(format string, args ...any)
	// NoFDCapture leaves file descriptors 1 and 2 alone: interpreted code's
	// output is still captured, compiled code's is not. (Only one session
	// per process can capture them; later ones behave as if this were set.)
	NoFDCapture bool
}

// ErrorOutput is optionally implemented by an Output that can show an error
// outside a cell's result, such as a panic in a goroutine the cell started.
// Outputs without it get the traceback on stderr.
type ErrorOutput interface {
	Error(e *Error)
}

// CountedOutput is optionally implemented by an Output that knows its
// cell's execution count: a panic in a goroutine that outlived its cell
// names the cell by it ("started by cell [3]").
type CountedOutput interface {
	ExecutionCount() int
}

// Session is one interpreter whose state lives across cells. Execute calls
// are serialised by the caller; Complete, Inspect and IsComplete may run
// while a cell executes.
type Session struct {
	opts    Options
	interp  *interp.Interpreter
	disp    *display.Display
	capture *fdCapture // nil when fds 1 and 2 are not captured
	panics  *panicFilter
	stdin   *stdinReader

	curMu    sync.Mutex
	cur      cellState
	started  chan struct{}    // closed when the running program starts (see execute)
	exited   chan exitPanic   // the running program's os.Exit or log.Fatal (see osExit)
	exitMain uint64           // the goroutine running the program (see execute)
	goErr    *Error           // first panic of a goroutine while the cell runs
	cellSeq  int64            // cells executed so far; cur.seq is the latest
	labels   map[int64]string // recent cells' names for goroutine panics (gopanic.go)
	// lineStart: whether a finished cell's goroutines last ended a line,
	// by stream and cell (goroutines.go).
	lineStart map[string]bool
	gors      goroutines // live goroutines of cells (goroutines.go)

	// Guarded by the caller serialising Execute; read by Complete and
	// Inspect under stateMu.
	stateMu   sync.Mutex
	imports   map[string]string                   // import path → name used in cells
	aliases   map[string]string                   // another name a later cell imported a path under → the path
	methods   map[string]string                   // "Type.Method" → first definition's text
	types     map[string]string                   // type name → latest definition's text
	typeNames map[string]string                   // redefined type → its internal name (typenames.go)
	typeGen   int                                 // internal names given so far
	redeclare map[string]bool                     // types the running cell declares again for a method: true until done (methodredef.go)
	undo      []func()                            // undoes the type redefinitions of the group being run
	defs      map[string]string                   // names declared by cells → kind
	results   map[string]int                      // cell function → number of results
	varType   map[string]string                   // cell variable → its type's name, when the cell spells it
	bin       map[string]map[string]reflect.Value // import path → compiled symbols
	routes    map[string]string                   // third-party import path → its route (imports.go)
	srcDocs   map[string]map[string]docs.Entry    // third-party import path → its docs
	mods      *modules.Resolver
	rewrite   *sourceRewriter           // third-party source as yaegi reads it
	compiled  []string                  // third-party packages this session compiled into its executor
	split     []string                  // packages whose compiled half is in its executor (imports_split.go)
	replay    replayState               // what a switch of executor can bring across (replay.go)
	checker   *checker                  // type-checks cells before they run (typecheck.go)
	builtins  map[token.Position]string // the running cell's min, max and clear calls (builtins.go)
	std       *stdEdits                 // the running cell's uses of gostd, nil when unchecked (stdpkgs.go)
	stdLoaded map[string]bool           // standard packages whose gostd source is imported

	running atomic.Bool  // a cell is executing
	execMu  sync.Mutex   // held while a cell executes; Complete and Inspect only TryLock it
	depth   atomic.Int64 // cell function calls in progress (see enter)
	stmtAt  atomic.Int64 // the running group's top-level statement: line<<32 | column (locate.go)

	closeOnce sync.Once
	closeErr  error

	errTypes  errTypes  // the methods of cell types held in errors (errval.go)
	cellTypes cellTypes // reflect's view of cell struct types (reflecttype.go)
}
