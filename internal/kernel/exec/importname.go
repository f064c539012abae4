package exec

import (
	"path"
	"strings"
	"unicode"
)

// importName is the name an import spec without a name of its own binds:
// the package's name as the type checker reads it where it can, else the
// name the path suggests (assumedImportName). The last element of the
// path is not it for math/rand/v2 (rand) or gopkg.in/yaml.v3 (yaml).
func (s *Session) importName(importPath string) string {
	if s.checker != nil {
		if p, err := s.checker.imp.Import(importPath); err == nil && p.Name() != "" {
			return p.Name()
		}
	}
	return assumedImportName(importPath)
}

// assumedImportName is the package name an import path suggests, by the
// convention Go tools share: the last element, or the one before it when
// the last is a major version (v2, v3, …); without a "go-" prefix; up to
// the first character that cannot be in an identifier (yaml.v3 → yaml).
func assumedImportName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" && path.Dir(importPath) != "." {
		base = path.Base(path.Dir(importPath))
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool { return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		base = base[:i]
	}
	return base
}
