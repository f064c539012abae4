package exec

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/gotrain/gotrain/internal/kernel/modules"
)

// compileRoute handles a package the interpreter cannot load (why): it
// must compile for this platform (else it is refused with the compiler's
// reason). When what the interpreter cannot load is only among the
// packages it imports (samber/lo: golang.org/x/text/cases overflows
// yaegi's stack), those are compiled into a new executor and the package
// itself stays interpreted there, its generic functions usable (compiled
// packages bring only their non-generic API); else the package is
// compiled in. The session then switches to the new executor.
//
// A package with generic API that the interpreter loads once a few of
// its declarations are taken out (plan, from the probe) is split instead
// (imports_split.go): compiled in under another path, its source
// interpreted without those declarations, the non-generic ones served
// compiled.
func (s *Session) compileRoute(ctx context.Context, p *modules.Package, plan *splitPlan, why error, progress io.Writer) *Error {
	if err := s.mods.Compiles(ctx, p.ImportPath); err != nil {
		if ctx.Err() != nil {
			return interrupted().Err
		}
		return importError(p.ImportPath, fmt.Sprintf("%s %s does not compile for %s, so it can be used neither interpreted nor compiled:\n%v", p.Module.Path, p.Module.Version, platform(), err))
	}
	s.stateMu.Lock()
	compiled := append([]string(nil), s.compiled...)
	split := append([]string(nil), s.split...)
	s.stateMu.Unlock()
	head := p.ImportPath + " " + p.Module.Version + ": interpreted from source"
	if deps := s.uninterpretableImports(ctx, p); len(deps) > 0 {
		pkgs := append(compiled, deps...)
		bin, err := s.mods.BuildExecutor(ctx, pkgs, split, progress)
		if ctx.Err() != nil {
			return interrupted().Err
		}
		if err == nil {
			plan2, perr := s.probeSplit(ctx, p, bin)
			if perr == nil {
				return s.switchExecutor(pkgs, split, bin, fmt.Sprintf("%s%s; its import %s", head, describe(plan2), strings.Join(deps, ", ")), why)
			}
			if plan2 != nil {
				if e, ok := s.splitRoute(ctx, p, pkgs, split, plan2, fmt.Sprintf("; its import %s", strings.Join(deps, ", ")), why, progress); ok {
					return e
				}
			}
		}
	}
	if plan != nil {
		if e, ok := s.splitRoute(ctx, p, compiled, split, plan, "", why, progress); ok {
			return e
		}
	}
	pkgs := append(compiled, p.ImportPath)
	bin, err := s.mods.BuildExecutor(ctx, pkgs, split, progress)
	if err != nil {
		if ctx.Err() != nil {
			return interrupted().Err
		}
		return importError(p.ImportPath, fmt.Sprintf("%s %s cannot be interpreted (%v), and compiling it into the executor failed:\n%v", p.Module.Path, p.Module.Version, why, err))
	}
	return s.switchExecutor(pkgs, split, bin, p.ImportPath+" "+p.Module.Version, why)
}

// splitRoute builds an executor with p's compiled half in (beside pkgs)
// and switches to it when p loads there split; false when it does not
// (the caller compiles p whole). more ends the route line's "what".
func (s *Session) splitRoute(ctx context.Context, p *modules.Package, pkgs, split []string, plan *splitPlan, more string, why error, progress io.Writer) (*Error, bool) {
	split = append(split, p.ImportPath)
	bin, err := s.mods.BuildExecutor(ctx, pkgs, split, progress)
	if ctx.Err() != nil {
		return interrupted().Err, true
	}
	if err != nil {
		s.opts.Log("exec: build the compiled half of %s: %v", p.ImportPath, err)
		return nil, false
	}
	got, err := s.probeSplit(ctx, p, bin)
	if err != nil {
		s.opts.Log("exec: %s does not load split: %v", p.ImportPath, err)
		return nil, false
	}
	if got == nil {
		got = plan
	}
	return s.switchExecutor(pkgs, split, bin, fmt.Sprintf("%s %s: interpreted from source%s%s", p.ImportPath, p.Module.Version, got.describe(), more), why), true
}

// describe is a plan's describe, "" for none.
func describe(p *splitPlan) string {
	if p == nil {
		return ""
	}
	return p.describe()
}

// switchExecutor asks the supervisor to continue the session in bin,
// which has pkgs compiled in and the compiled halves of split; route is
// the line's "what" (replay.go).
func (s *Session) switchExecutor(pkgs, split []string, bin, route string, why error) *Error {
	s.stateMu.Lock()
	s.compiled = pkgs
	s.split = split
	s.stateMu.Unlock()
	sw := s.switchTo(bin, route)
	// The new executor's resolver starts from the versions this one used.
	if get := s.modulesLine(); get != "" {
		sw.Replay = append([]string{get}, sw.Replay...)
	}
	s.replay.pending = sw
	msg := fmt.Sprintf("%s cannot be interpreted here (%v); an executor with %s compiled in was built (%s), which this session cannot switch to: it does not run in an executor process.", route, why, strings.Join(pkgs, ", "), bin)
	return &Error{Name: switchErrName, Value: msg, Traceback: []string{red + bold + switchErrName + reset + ": " + msg}}
}

// modulesLine is a %get of every module the session resolved or pinned,
// at its version ("" when none).
func (s *Session) modulesLine() string {
	used, required, _ := s.mods.Resolved(context.Background())
	var b strings.Builder
	for _, m := range append(used, required...) {
		if m.Version != "" {
			b.WriteString(" " + m.Path + "@" + m.Version)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "%get" + b.String()
}

// uninterpretableImports are the packages p imports directly that the
// interpreter cannot load, when each of them can be compiled in on its
// own; nil when none (p itself is the trouble) or when one cannot (an
// internal package, which only its own module may import).
func (s *Session) uninterpretableImports(ctx context.Context, p *modules.Package) []string {
	var out []string
	for _, imp := range p.Imports {
		s.stateMu.Lock()
		_, builtin := s.bin[imp]
		s.stateMu.Unlock()
		if builtin {
			continue
		}
		if s.probe(ctx, &modules.Package{ImportPath: imp, Deps: p.Deps}, "") == nil {
			continue
		}
		if internalPath(imp) {
			return nil
		}
		out = append(out, imp)
	}
	return s.withSharedImports(ctx, p, out)
}

// withSharedImports adds to deps, the imports of p to be compiled in, the
// other imports of p that those import (directly or not): p must see the
// same types as the compiled packages (samber/lo hands its interpreted
// language.English to a compiled golang.org/x/text/cases, which wants its
// own language.Tag).
func (s *Session) withSharedImports(ctx context.Context, p *modules.Package, deps []string) []string {
	if len(deps) == 0 {
		return deps
	}
	reach := map[string]bool{}
	var walk func(path string, depth int)
	walk = func(path string, depth int) {
		if reach[path] || depth > 8 {
			return
		}
		reach[path] = true
		dp, err := s.mods.Resolve(ctx, path, nil)
		if err != nil {
			return
		}
		for _, imp := range dp.Imports {
			walk(imp, depth+1)
		}
	}
	for _, d := range deps {
		walk(d, 0)
	}
	out := append([]string(nil), deps...)
	have := map[string]bool{}
	for _, d := range deps {
		have[d] = true
	}
	for _, imp := range p.Imports {
		s.stateMu.Lock()
		_, builtin := s.bin[imp]
		s.stateMu.Unlock()
		if reach[imp] && !have[imp] && !builtin && !internalPath(imp) {
			out = append(out, imp)
			have[imp] = true
		}
	}
	return out
}

// internalPath reports whether a package is internal to its module.
func internalPath(p string) bool {
	return strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal")
}

// CompiledIn are the third-party packages compiled into this program by
// the compile route (set by the generated executor's main): a later
// compiled import builds them in again with the new one.
var CompiledIn []string

// switchErrName names the error of a cell whose result asks for another
// executor; the supervisor acts on the result's Switch instead of it.
const switchErrName = "ExecutorSwitch"
