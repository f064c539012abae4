package exec

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
)

// getMagic is `%get [-u] [module[@version] ...]`: it pins (or updates) the
// modules later imports use.
func (s *Session) getMagic(ctx context.Context, arg string, out Output) Result {
	fields := strings.Fields(arg)
	update := false
	var mods []string
	for _, f := range fields {
		switch {
		case f == "-u":
			update = true
		case strings.HasPrefix(f, "-"):
			return magicError("%get", fmt.Sprintf("unknown flag %s; usage: %%get [-u] module[@version] ...", f))
		default:
			mods = append(mods, f)
		}
	}
	reqs, err := s.mods.Get(ctx, mods, update, outWriter{out, "stderr"})
	if ctx.Err() != nil {
		return interrupted()
	}
	if err != nil {
		return magicError("%get", err.Error())
	}
	if update {
		// Packages imported before keep the code they were loaded with.
		s.stateMu.Lock()
		for p := range s.routes {
			delete(s.routes, p)
		}
		s.stateMu.Unlock()
		if ci, ok := s.checker.imp.(*checkImporter); ok {
			ci.forget() // the checker reads the new versions' source
		}
	}
	for _, m := range reqs {
		for _, want := range mods {
			if p, _, _ := strings.Cut(want, "@"); p == m.Path {
				out.Stream("stdout", fmt.Sprintf("%s %s\n", m.Path, m.Version))
			}
		}
		if update && len(mods) == 0 {
			out.Stream("stdout", fmt.Sprintf("%s %s\n", m.Path, m.Version))
		}
	}
	return Result{}
}

// modMagic is `%mod` (what the session resolved) and `%mod save`.
func (s *Session) modMagic(ctx context.Context, arg string, out Output) Result {
	switch arg {
	case "":
		used, required, err := s.mods.Resolved(ctx)
		if err != nil {
			return magicError("%mod", err.Error())
		}
		s.stateMu.Lock()
		routes := map[string]string{}
		for p, r := range s.routes {
			routes[p] = r
		}
		s.stateMu.Unlock()
		if len(used)+len(required) == 0 {
			out.Stream("stdout", "no third-party modules resolved yet\n")
			return Result{}
		}
		var b strings.Builder
		for _, m := range used {
			fmt.Fprintf(&b, "%s %s\n", m.Path, m.Version)
		}
		for _, m := range required {
			fmt.Fprintf(&b, "%s %s (pinned, not imported yet)\n", m.Path, m.Version)
		}
		paths := make([]string, 0, len(routes))
		for p := range routes {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			fmt.Fprintf(&b, "  import %q: %s\n", p, routes[p])
		}
		out.Stream("stdout", b.String())
	case "save":
		wd, err := os.Getwd()
		if err != nil {
			return magicError("%mod", err.Error())
		}
		files, err := s.mods.Save(ctx, wd)
		if err != nil {
			return magicError("%mod", err.Error())
		}
		out.Stream("stdout", "wrote "+strings.Join(files, " and ")+"\n")
	default:
		return magicError("%mod", "usage: %mod (list the session's modules) or %mod save")
	}
	return Result{}
}
