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
	return importError(p.ImportPath, fmt.Sprintf("%s %s cannot be interpreted (%v), and this kernel cannot compile it into its executor yet.", p.Module.Path, p.Module.Version, why))
}
