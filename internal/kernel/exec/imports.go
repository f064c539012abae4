package exec

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	osexec "os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gotrain/gotrain/internal/kernel/docs"
	"github.com/gotrain/gotrain/internal/kernel/modules"
	"github.com/gotrain/gotrain/internal/kernel/symbols"
)

// Third-party imports (issue: a cell imports a package that is not built
// into the kernel). Before an import group compiles, each path that is
// neither compiled in nor in the standard library is resolved by the
// session's modules.Resolver (go get / go list in a scratch module), then
// used by one of two routes, reported to the user in one line:
//
//   - interpreted from source: yaegi loads it through the resolver's FS
//     (the module cache in a GOPATH layout), when a probe interpreter
//     loads it without error;
//   - compiled into the executor: its symbols are extracted and built into
//     a new executor binary, which the session switches to (compile.go).
//
// A package that compiles neither way is refused with the reason.

// routeInterpreted and routeCompiled are how a package is used.
const (
	routeInterpreted = "interpreted from source"
	routeCompiled    = "compiled into the executor"
)

// resolveCellImports prepares the third-party packages a cell imports
// before anything of it runs or is checked: the checker then knows their
// types, and a compiled import switches executors before any earlier
// group of the cell has run (the cell runs again, whole, in the new one).
func (s *Session) resolveCellImports(ctx context.Context, groups []group) *Error {
	for _, g := range groups {
		if g.kind != importGroup {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main;"+g.text, parser.ImportsOnly)
		if err != nil {
			continue // the parser's error comes when the group runs
		}
		if e := s.resolveImports(ctx, f, s.current().out); e != nil {
			return e
		}
	}
	return nil
}

// resolveImports prepares the third-party packages of an import group.
func (s *Session) resolveImports(ctx context.Context, node ast.Node, out Output) *Error {
	f, ok := node.(*ast.File)
	if !ok {
		return nil
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, sp := range gd.Specs {
			is, ok := sp.(*ast.ImportSpec)
			if !ok {
				continue
			}
			path, _ := strconv.Unquote(is.Path.Value)
			if err := s.prepareImport(ctx, path, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// prepareImport resolves one import path and picks its route.
func (s *Session) prepareImport(ctx context.Context, path string, out Output) *Error {
	s.stateMu.Lock()
	_, builtin := s.bin[path]
	_, done := s.routes[path]
	s.stateMu.Unlock()
	if done || !modules.ThirdParty(path) {
		return nil
	}
	if builtin {
		s.noteCompiledIn(ctx, path)
		return nil
	}
	progress := outWriter{out, "stderr"}
	p, err := s.mods.Resolve(ctx, path, progress)
	if err != nil {
		if ctx.Err() != nil {
			return interrupted().Err
		}
		return importError(path, err.Error())
	}
	plan, probeErr := s.probeSplit(ctx, p, "")
	route := routeInterpreted
	if probeErr != nil {
		if err := s.compileRoute(ctx, p, plan, probeErr, progress); err != nil {
			return err
		}
		route = routeCompiled
	} else if plan != nil {
		route += plan.describe()
	}
	entries, _ := docs.FromSource(path, p.Dir, p.GoFiles)
	s.stateMu.Lock()
	s.routes[path] = route
	s.srcDocs[path] = entries
	s.stateMu.Unlock()
	out.Stream("stderr", fmt.Sprintf("%s %s: %s\n", path, p.Module.Version, route))
	return nil
}

// noteCompiledIn records a package compiled into this executor (by the
// compile route, before the session switched here) as the session's: its
// module in %mod and %mod save, its docs for inspect, its types for the
// checker. The module cache has it, so this needs no network; a failure
// leaves the package usable, only less documented.
func (s *Session) noteCompiledIn(ctx context.Context, path string) {
	compiled := false
	for _, c := range CompiledIn {
		compiled = compiled || c == path
	}
	if !compiled {
		return
	}
	p, err := s.mods.Resolve(ctx, path, nil)
	if err != nil {
		s.opts.Log("exec: resolve %s, compiled in: %v", path, err)
		return
	}
	entries, _ := docs.FromSource(path, p.Dir, p.GoFiles)
	s.stateMu.Lock()
	s.routes[path] = routeCompiled
	s.srcDocs[path] = entries
	s.stateMu.Unlock()
}

// probe loads a package from source in a throwaway interpreter, in a
// child process running bin (this program when ""): yaegi can die on a
// package with a fatal error no recover catches (a stack overflow), and
// the session's own interpreter is used only once loading has worked. An
// executor built by the compile route answers as a probe from its main
// (ServeProbe), once its compiled packages are registered; this program,
// when it is not one, from its init.
func (s *Session) probe(ctx context.Context, p *modules.Package, bin string) error {
	_, err := s.probeSplit(ctx, p, bin)
	return err
}

// probeSplit is probe, with the plan of a split of the package when the
// probe found one (imports_split.go): the package loaded that way in bin
// when err is nil, else it would with the package's compiled half in.
func (s *Session) probeSplit(ctx context.Context, p *modules.Package, bin string) (*splitPlan, error) {
	env := probeEnv
	if bin != "" || len(CompiledIn) > 0 || len(CompiledSplit) > 0 {
		env = builtProbeEnv
	}
	here := bin == "" // the probe runs this executor's program
	if bin == "" {
		self, err := os.Executable()
		if err != nil {
			return nil, err
		}
		bin = self
	}
	mods, err := json.Marshal(p.Deps)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	cmd := osexec.CommandContext(ctx, bin)
	cmd.Env = append(os.Environ(), env+"="+p.ImportPath, probeEnv+"_MODULES="+string(mods))
	var stdout, stderr strings.Builder
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	var plan *splitPlan
	for _, l := range strings.Split(stdout.String(), "\n") {
		if l == probeRewrite {
			s.rewrite.enable(p.Deps)
		}
		if js, ok := strings.CutPrefix(l, probeSplit); ok {
			var sp splitPlan
			if json.Unmarshal([]byte(js), &sp) == nil {
				plan = &sp
			}
		}
	}
	if runErr != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("loading it did not finish within %v", probeTimeout)
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.Index(msg, "fatal error: "); i >= 0 {
			msg = "the interpreter crashed: " + strings.SplitN(msg[i:], "\n", 2)[0]
		} else if msg == "" {
			msg = runErr.Error()
		}
		return plan, errors.New(lastLine(msg))
	}
	if plan != nil && here {
		s.rewrite.enable(p.Deps)
		s.rewrite.setSplit(p.ImportPath, plan.Seeds)
	}
	return plan, nil
}

// probeTimeout bounds loading a package in the probe.
const probeTimeout = 2 * time.Minute

// probeEnv, set in the environment, makes this program a probe: it loads
// the package named in it from source and exits 0, or 3 with the reason.
// builtProbeEnv does the same in an executor built by the compile route.
const (
	probeEnv      = "GOTRAIN_PROBE_IMPORT"
	builtProbeEnv = "GOTRAIN_PROBE_IMPORT_BUILT"
)

func init() {
	serveProbe(probeEnv)
}

// ServeProbe makes an executor built by the compile route a probe when it
// was started as one: its main calls it once the symbols of its compiled
// packages are registered, so that a package importing them loads.
func ServeProbe() { serveProbe(builtProbeEnv) }

func serveProbe(env string) {
	if path := os.Getenv(env); path != "" {
		if err := probeHere(path, os.Getenv(probeEnv+"_MODULES")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(0)
	}
}

// probeHere loads path in an interpreter like a session's: from the
// source as it is, else (when that fails with an error) from the source
// with inferred type arguments written out (imports_rewrite.go), and then
// says so on stdout (probeRewrite), so that the session rewrites the
// source of those modules only: checking a package with its bodies costs
// more than loading it.
func probeHere(path, mods string) error {
	var deps []modules.Module
	if err := json.Unmarshal([]byte(mods), &deps); err != nil {
		return err
	}
	err := probeLoad(path, modules.Fixed(deps), nil)
	if err == nil {
		return nil
	}
	r := modules.Fixed(deps)
	if probeLoad(path, r, newSourceRewriter(newCheckImporter(r)).Rewrite) == nil {
		fmt.Println(probeRewrite)
		return nil
	}
	// Split (imports_split.go): worth it when generic API stays.
	if plan, serr := splitSearch(path, deps); serr == nil && len(plan.Generic) > 0 {
		js, _ := json.Marshal(plan)
		fmt.Println(probeSplit + string(js))
		if compiledHalf(path) || (len(plan.Compiled) == 0 && len(plan.Lost) == 0) {
			return nil // it loaded as split here
		}
	}
	return err // the error of the source as it is
}

// probeRewrite is what a probe prints when the source loaded only with
// the type arguments written out.
const probeRewrite = "loaded with inferred type arguments written out"

// probeLoad loads path from the modules r knows, through rewrite.
func probeLoad(path string, r *modules.Resolver, rewrite modules.Rewrite) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the interpreter panicked: %v", r)
		}
	}()
	i := interp.New(interp.Options{GoPath: modules.GoPath, SourcecodeFilesystem: r.FS(nil, rewrite), Stdout: io.Discard, Stderr: io.Discard, Unrestricted: true})
	if err := i.Use(stdlib.Symbols); err != nil {
		return err
	}
	if err := i.Use(newerStd); err != nil {
		return err
	}
	if err := i.Use(symbols.Symbols); err != nil {
		return err
	}
	_, err = i.Eval(fmt.Sprintf("import _p %q", path))
	return err
}

// lastLine is the last line of s.
func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// importError is the error of an import the kernel could not provide.
func importError(path, msg string) *Error {
	msg = strings.TrimSpace(msg)
	return &Error{Name: "ImportError", Value: msg, Traceback: []string{red + bold + "ImportError" + reset + ": cannot import " + path + ": " + msg}}
}

// platform is GOOS/GOARCH, for messages.
func platform() string { return runtime.GOOS + "/" + runtime.GOARCH }

// packageDoc returns the documentation of a name in a package: from the
// source of a package the session imported, else from the embedded index.
func (s *Session) packageDoc(importPath, name string) (docs.Entry, bool) {
	s.stateMu.Lock()
	e, ok := s.srcDocs[importPath][name]
	s.stateMu.Unlock()
	if ok {
		return e, true
	}
	return docs.Lookup(importPath, name)
}

// sourceNames lists the exported top-level names of a package the session
// imported from source.
func (s *Session) sourceNames(importPath string) []string {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	var out []string
	for n := range s.srcDocs[importPath] {
		if n != "" && !strings.Contains(n, ".") {
			out = append(out, n)
		}
	}
	return out
}
