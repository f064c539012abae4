package exec

import (
	"context"
	"fmt"
	"go/parser"
	"io"
	"maps"
	"path"
	"reflect"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	ysyscall "github.com/traefik/yaegi/stdlib/syscall"
	"github.com/traefik/yaegi/stdlib/unrestricted"
	yunsafe "github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/gotrain/gotrain/internal/kernel/docs"
	"github.com/gotrain/gotrain/internal/kernel/gostd"
	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/internal/kernel/symbols"
	"github.com/gotrain/gotrain/kernel/display"
	"github.com/gotrain/gotrain/trainlib/cellctx"
)

// cellState is what output produced now is attributed to: the running cell,
// or after it ends the last one (goroutines a cell started keep reporting).
type cellState struct {
	ctx context.Context
	out Output
	seq int64 // which Execute call: goroutines remember it (gopanic.go)
}

// discard is the Output before the first cell.
type discard struct{}

func (discard) Stream(string, string)                            {}
func (discard) Display(MIMEBundle, map[string]any, string, bool) {}
func (discard) ClearOutput(bool)                                 {}
func (discard) Input(string, bool) (string, error)               { return "", ErrNoStdin }

// current returns the cell output now goes to.
func (s *Session) current() cellState {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	return s.cur
}

// stream sends text to the current cell.
func (s *Session) stream(name, text string) { s.current().out.Stream(name, text) }

// streamWriter writes to one stream of the current cell: it is where the
// interpreter's fmt.Print*, log and os.Stdout/os.Stderr go. Both streams
// reach the cell's Output in the order they were written, and after
// whatever compiled code wrote to fds 1 and 2 before (see writeStream).
type streamWriter struct {
	s    *Session
	name string
}

func (w streamWriter) Write(p []byte) (int, error) {
	w.s.writeStream(w.name, string(p))
	return len(p), nil
}

// writeStream sends text to the current cell (labelled with another cell
// when a goroutine of that one writes it: goroutines.go), first forwarding what
// compiled code wrote to the captured descriptors and has not reached the
// cell yet, so that its output keeps its place before this text. The check
// is two ioctls; the forwarding happens only when something is pending.
func (s *Session) writeStream(name, text string) {
	cur := s.current()
	if cell, ok := s.gors.cellOf(cur.seq); ok {
		s.streamFrom(cell, cur, name, text)
		return
	}
	if c := s.capture; c != nil && c.pending() {
		c.sync()
	}
	s.stream(name, text)
}

// New starts a session: an interpreter with the standard library, the
// packages in kernel/symbols, and the session's display bound to it.
// Unless another session in the process already does, it captures file
// descriptors 1 and 2 until Close.
func New(opts Options) (*Session, error) {
	if opts.Log == nil {
		opts.Log = func(string, ...any) {}
	}
	s := &Session{opts: opts, cur: cellState{ctx: context.Background(), out: discard{}}, imports: map[string]string{}, aliases: map[string]string{}, methods: map[string]string{}, types: map[string]string{}, results: map[string]int{}, routes: map[string]string{}, stdLoaded: map[string]bool{}, srcDocs: map[string]map[string]docs.Entry{}, mods: modules.New(), compiled: append([]string(nil), CompiledIn...), split: append([]string(nil), CompiledSplit...)}
	s.disp = display.New(displaySink{s})
	// trainlib's cell-facing calls read a nil ctx as the running cell's.
	cellctx.Use(s.disp.Context)
	s.checker = newChecker()
	ci := newCheckImporter(s.mods) // third-party packages too (imports_types.go)
	s.checker.imp = ci
	s.rewrite = newSessionRewriter(ci) // third-party source as yaegi reads it (imports_rewrite.go)
	go s.checker.warm()
	s.bin = binaryPackages()
	// Interpreted code writes through streamWriters, in order; compiled
	// code writing to fds 1 and 2 reaches the cell through the capture.
	var stdout, stderr io.Writer = streamWriter{s, "stdout"}, streamWriter{s, "stderr"}
	if !opts.NoFDCapture {
		c, err := startFDCapture(s.stream)
		if err != nil {
			return nil, err
		}
		s.capture = c // nil when another session holds fds 1 and 2
	}
	s.panics = newPanicFilter(stderr)
	s.stdin = &stdinReader{s: s}
	s.interp = interp.New(interp.Options{
		Stdin:        s.stdin,
		Stdout:       stdout,
		Stderr:       s.panics,
		Unrestricted: true,
		// Third-party packages interpreted from source (imports.go).
		GoPath: modules.GoPath,
		// The kernel's source of the generic standard API (stdpkgs.go).
		SourcecodeFilesystem: gostd.FS(modules.GoPath, s.mods.FS(nil, s.rewrite.Rewrite)),
	})
	if err := s.use(stdout, stderr); err != nil {
		s.Close()
		return nil, fmt.Errorf("load packages into the interpreter: %w", err)
	}
	return s, nil
}

// use loads the symbol tables, then the session's overrides.
func (s *Session) use(stdout, stderr io.Writer) error {
	// yaegi's wrapper of error, the key of its composed wrappers
	// (errwrap.go), read while the interpreter holds no source package.
	errorKey := s.interp.Symbols("")[""]["_error"]
	if err := s.interp.Use(stdlib.Symbols); err != nil {
		return err
	}
	if err := s.interp.Use(newerStd); err != nil {
		return err
	}
	if err := s.interp.Use(s.lowLevelStd(stdout, stderr)); err != nil {
		return err
	}
	if err := s.useErrorWrappers(errorKey); err != nil {
		return err
	}
	if err := s.interp.Use(interp.Exports{"os/exec/exec": unrestricted.Symbols["os/exec/exec"]}); err != nil {
		return err
	}
	if err := s.interp.Use(s.boundSymbols()); err != nil {
		return err
	}
	if err := s.interp.Use(s.overrides(stdout, stderr)); err != nil {
		return err
	}
	if err := s.interp.Use(interp.Exports{rtPath + "/cellrt": fmtSymbols()}); err != nil {
		return err
	}
	// yaegi scopes imports by file name: the runtime package is imported
	// under the name cells are compiled with, so they all see it.
	for _, src := range []string{fmt.Sprintf("package main; import %s %q", rtName, rtPath), "package main;" + renderPrelude} {
		f, err := parser.ParseFile(s.interp.FileSet(), cellFile, src, 0)
		if err != nil {
			return err
		}
		prog, err := s.interp.CompileAST(f)
		if err != nil {
			return err
		}
		if _, err := s.interp.Execute(prog); err != nil {
			return err
		}
	}
	return nil
}

const displayPath = "github.com/gotrain/gotrain/kernel/display"

// boundSymbols returns kernel/symbols with the display package's functions
// replaced by this session's Display methods of the same name, so cells
// display into this session without any process-global state.
func (s *Session) boundSymbols() interp.Exports {
	out := interp.Exports{}
	for k, v := range symbols.Symbols {
		out[k] = v
	}
	key := displayPath + "/display"
	pkg := map[string]reflect.Value{}
	dv := reflect.ValueOf(s.disp)
	for name, v := range symbols.Symbols[key] {
		if m := dv.MethodByName(name); m.IsValid() && v.Kind() == reflect.Func && m.Type() == v.Type() {
			v = m
		}
		pkg[name] = v
	}
	out[key] = pkg
	return out
}

// displaySink routes the session's Display to the current cell.
type displaySink struct{ s *Session }

func (d displaySink) Display(data map[string]any, metadata map[string]any, id string, update bool) {
	d.s.syncOutput()
	d.s.current().out.Display(MIMEBundle(data), metadata, id, update)
}
func (d displaySink) ClearOutput(wait bool) {
	d.s.syncOutput()
	d.s.current().out.ClearOutput(wait)
}
func (d displaySink) Context() context.Context { return d.s.current().ctx }

// syncOutput forwards captured stream text written so far, so that a
// display shown after a print appears after it.
func (s *Session) syncOutput() {
	if s.capture != nil {
		s.capture.sync()
	}
}

// Close releases the session's resources and restores captured file
// descriptors. The interpreter's goroutines that are still running are
// abandoned.
func (s *Session) Close() error {
	s.closeOnce.Do(func() {
		if s.capture != nil {
			s.closeErr = s.capture.restore()
		}
		s.mods.Close()
	})
	return s.closeErr
}

// binaryPackages indexes every compiled package cells may import by path.
func binaryPackages() map[string]map[string]reflect.Value {
	out := map[string]map[string]reflect.Value{}
	for _, src := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
		for k, v := range src {
			out[path.Dir(k)] = v
		}
	}
	for k, v := range newerStd {
		syms := maps.Clone(out[path.Dir(k)]) // stdlib's own map stays as it is
		if syms == nil {
			syms = map[string]reflect.Value{}
		}
		maps.Copy(syms, v)
		out[path.Dir(k)] = syms
	}
	out["os/exec"] = unrestricted.Symbols["os/exec/exec"]
	out["unsafe"] = yunsafe.Symbols["unsafe/unsafe"]
	out["syscall"] = ysyscall.Symbols["syscall/syscall"]
	return out
}

// compiledPkg reports whether name is what a cell imported a compiled
// package under (its functions cannot call recover for the caller).
func (s *Session) compiledPkg(name string) bool {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	for ip, n := range s.imports {
		if n == name && s.bin[ip] != nil {
			return true
		}
	}
	return false
}

// binSymbol finds a compiled symbol by the name a cell imported its
// package under.
func (s *Session) binSymbol(pkgName, name string) (reflect.Value, bool) {
	s.stateMu.Lock()
	var p string
	for ip, n := range s.imports {
		if n == pkgName {
			p = ip
		}
	}
	s.stateMu.Unlock()
	v, ok := s.bin[p][name]
	return v, ok
}
