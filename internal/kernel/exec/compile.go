package exec

import (
	"context"
	"fmt"
	"io"

	"github.com/gotrain/gotrain/internal/kernel/modules"
)

// compileRoute handles a package the interpreter cannot load (why): it
// must compile for this platform (else it is refused with the compiler's
// reason); then it is compiled into a new executor binary the session
// switches to.
func (s *Session) compileRoute(ctx context.Context, p *modules.Package, why error, progress io.Writer) *Error {
	if err := s.mods.Compiles(ctx, p.ImportPath); err != nil {
		if ctx.Err() != nil {
			return interrupted().Err
		}
		return importError(p.ImportPath, fmt.Sprintf("%s %s does not compile for %s, so it can be used neither interpreted nor compiled:\n%v", p.Module.Path, p.Module.Version, platform(), err))
	}
	s.stateMu.Lock()
	pkgs := append(append([]string(nil), s.compiled...), p.ImportPath)
	s.stateMu.Unlock()
	bin, err := s.mods.BuildExecutor(ctx, pkgs, progress)
	if err != nil {
		if ctx.Err() != nil {
			return interrupted().Err
		}
		return importError(p.ImportPath, fmt.Sprintf("%s %s cannot be interpreted (%v), and compiling it into the executor failed:\n%v", p.Module.Path, p.Module.Version, why, err))
	}
	s.stateMu.Lock()
	s.compiled = pkgs
	s.stateMu.Unlock()
	s.replay.pending = s.switchTo(bin, p.ImportPath+" "+p.Module.Version)
	msg := fmt.Sprintf("%s %s cannot be interpreted (%v); it was compiled into a new executor (%s), which this session cannot switch to: it does not run in an executor process.", p.Module.Path, p.Module.Version, why, bin)
	return &Error{Name: switchErrName, Value: msg, Traceback: []string{red + bold + switchErrName + reset + ": " + msg}}
}

// CompiledIn are the third-party packages compiled into this program by
// the compile route (set by the generated executor's main): a later
// compiled import builds them in again with the new one.
var CompiledIn []string

// switchErrName names the error of a cell whose result asks for another
// executor; the supervisor acts on the result's Switch instead of it.
const switchErrName = "ExecutorSwitch"
