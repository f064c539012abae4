package exec

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/gotrain/gotrain/internal/kernel/modules"
)

// stdTypes gives the checker the standard packages' types. Type-checking
// fmt and what it imports from GOROOT's source takes about a second of
// CPU, which every executor process paid at start while its first cells
// ran. So a package is checked from source once per machine and
// toolchain, and its types are kept as export data (gcexportdata) in the
// kernel's cache folder; later processes read those files, a few
// milliseconds a package.
//
// Cells are checked against one set of packages (pkgs), read from export
// data only: a package missing from the cache is checked from source in
// a world of its own (src), written out, and read back into pkgs, so two
// packages never disagree about a type they share (an *os.File from the
// cache and one from source would be different types to go/types). With
// no cache folder the source world is used alone.
//
// Not safe for concurrent use: lockedImporter serialises it.
type stdTypes struct {
	fset    *token.FileSet            // positions of what cells are checked against
	findDir func() string             // finds dir on first use (go env), then nil
	dir     string                    // the cache folder; "" to use src alone
	src     types.Importer            // from GOROOT's source, in its own world
	srcFset *token.FileSet            // src's positions
	pkgs    map[string]*types.Package // read from export data
}

// newStdTypes returns an importer keeping export data in dir, or using
// GOROOT's source alone when dir is "".
func newStdTypes(fset *token.FileSet, dir string) *stdTypes {
	st := &stdTypes{fset: fset, dir: dir, srcFset: fset, pkgs: map[string]*types.Package{}}
	if dir != "" {
		st.srcFset = token.NewFileSet()
	}
	st.src = importer.ForCompiler(st.srcFset, "source", nil)
	return st
}

// lazyStdTypes returns an importer whose cache folder findDir finds on
// the first Import (it may run the go command: not at program start).
func lazyStdTypes(fset *token.FileSet, findDir func() string) *stdTypes {
	return &stdTypes{fset: fset, findDir: findDir}
}

// Import returns a standard package's types.
func (st *stdTypes) Import(path string) (*types.Package, error) {
	if st.findDir != nil {
		*st = *newStdTypes(st.fset, st.findDir())
	}
	if st.dir == "" {
		return st.src.Import(path)
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p := st.pkgs[path]; p != nil && p.Complete() {
		return p, nil
	}
	file := filepath.Join(st.dir, strings.ReplaceAll(path, "/", "%")+".x")
	if data, err := os.ReadFile(file); err == nil {
		if p, err := gcexportdata.Read(bytes.NewReader(data), st.fset, st.pkgs, path); err == nil {
			return p, nil
		}
		// A damaged file: checked from source again and rewritten below.
	}
	p, err := st.src.Import(path)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, st.srcFset, p); err != nil {
		return nil, err
	}
	saveFile(st.dir, file, buf.Bytes()) // best effort: a read-only cache only costs time
	return gcexportdata.Read(&buf, st.fset, st.pkgs, path)
}

// saveFile writes data to file through a temporary file in dir, so a
// kernel starting beside this one reads the whole file or none of it.
func saveFile(dir, file string, data []byte) {
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), file) != nil {
		os.Remove(tmp.Name())
	}
}

// stdTypesDir is the cache folder for this toolchain's standard
// packages: stdtypes/ in the kernel's cache folder (modules.Resolver's,
// in the Go module cache), named by what decides the types (Go version,
// GOROOT, platform, build tags) and by the export format's writer
// (x/tools' version), so another toolchain or kernel build never reads
// files it did not write. "" when there is no cache folder (no go
// command): the checker then reads GOROOT's source.
func stdTypesDir() string {
	base, err := modules.New().CacheDir(context.Background())
	if err != nil {
		return ""
	}
	ctx := build.Default
	key := []string{runtime.Version(), ctx.GOROOT, ctx.GOOS, ctx.GOARCH, strings.Join(ctx.ReleaseTags, ","), strings.Join(ctx.BuildTags, ","), strings.Join(ctx.ToolTags, ",")}
	if ctx.CgoEnabled {
		key = append(key, "cgo")
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "golang.org/x/tools" {
				key = append(key, m.Version, m.Sum)
			}
		}
	}
	sum := sha256.Sum256([]byte(strings.Join(key, "\n")))
	return filepath.Join(base, "stdtypes", runtime.Version()+"-"+hex.EncodeToString(sum[:8]))
}
