// Package modules resolves the third-party packages a notebook cell
// imports, with the go command and the ordinary module machinery: a private
// scratch module per session under the kernel's cache directory, `go get`
// and `go list` run in it with the user's GOPROXY, GOFLAGS, GONOSUMDB,
// GOPRIVATE, GOMODCACHE and checksum database, every command bounded in
// time and killed by an interrupt. Downloads land in the module cache;
// the session's go.mod and go.sum are written beside the notebook only by
// Save (%mod save).
//
// The kernel's own files (the scratch modules, sums.txt, the executors
// the compile route builds, the standard packages' types the cell checker
// reads) live in the module cache's cache folder,
// $GOMODCACHE/cache/gotrain (GOTRAIN_CACHE moves them), beside go's own
// download cache: nothing is written outside the module cache and the
// notebook's folder, and `go clean -modcache` removes them too.
//
// The versions used are, in order: those a go.mod in the notebook's
// folder requires (copied into the scratch module when it is made), those a
// %get pins (Get), else the newest: the newest the module cache already
// holds, so a second session imports without the network, then, when the
// cache has none, the newest the proxy offers. Checksums the kernel has
// verified once are kept in its cache (sums.txt) and seeded into each new
// scratch go.sum, so that offline resolution verifies against them, as go
// verifies against go.sum.
//
// The resolver only finds and downloads; the exec package decides whether
// a package is interpreted from its source (FS serves the module sources
// to yaegi in a GOPATH layout) or compiled into the executor (build.go).
package modules

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Module is one resolved module.
type Module struct {
	Path, Version string
	// Dir is the module's source in the module cache ("" when it was
	// not downloaded).
	Dir string
}

// String is "path version".
func (m Module) String() string { return strings.TrimSpace(m.Path + " " + m.Version) }

// Package is one resolved package of a module.
type Package struct {
	ImportPath, Name, Dir string
	GoFiles               []string
	Module                Module
	// Deps are the modules of the packages it imports (its own included).
	Deps []Module
	// Imports are the third-party packages it imports directly.
	Imports []string
}

// Resolver resolves imports for one session. Its methods are safe for
// concurrent use but run one at a time.
type Resolver struct {
	goBin    string
	cacheDir string // "" until first used (cache)
	modCache string // GOMODCACHE as go reports it

	mu      sync.Mutex
	dir     string              // the scratch module, "" until first used
	modPath string              // the module path %mod save writes
	pkgs    map[string]*Package // resolved import path → package
	mods    map[string]Module   // modules of resolved packages and their deps
}

// New returns a resolver using the go command on PATH. Nothing runs and
// nothing is written until the first import.
func New() *Resolver {
	r := &Resolver{pkgs: map[string]*Package{}, mods: map[string]Module{}, modPath: "notebook"}
	r.goBin, _ = exec.LookPath("go")
	return r
}

// cacheEnv names the kernel's cache folder when set.
const cacheEnv = "GOTRAIN_CACHE"

// cache finds, once, the module cache (go env GOMODCACHE, so a value set
// with go env -w counts) and the kernel's cache folder in it. r.mu is held.
func (r *Resolver) cache(ctx context.Context) error {
	if r.cacheDir != "" {
		return nil
	}
	out, err := r.goCmd(ctx, os.TempDir(), nil, nil, "env", "GOMODCACHE")
	if err != nil {
		return fmt.Errorf("go env GOMODCACHE: %w", err)
	}
	r.modCache = strings.TrimSpace(string(out))
	if r.modCache == "" {
		return errors.New("go env GOMODCACHE is empty: set GOMODCACHE or GOPATH")
	}
	r.cacheDir = filepath.Join(r.modCache, "cache", "gotrain")
	if d := os.Getenv(cacheEnv); d != "" {
		r.cacheDir = d
	}
	return nil
}

// CacheDir returns the kernel's cache folder, asking the go command
// where the module cache is on first use.
func (r *Resolver) CacheDir(ctx context.Context) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.cache(ctx); err != nil {
		return "", err
	}
	return r.cacheDir, nil
}

// Close removes the scratch module.
func (r *Resolver) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dir == "" {
		return nil
	}
	err := os.RemoveAll(r.dir)
	r.dir = ""
	return err
}

// ThirdParty reports whether an import path names a package outside the
// standard library: its first element has a dot, as module paths do.
func ThirdParty(importPath string) bool {
	first, _, _ := strings.Cut(importPath, "/")
	return strings.Contains(first, ".") && !strings.HasPrefix(importPath, ".")
}

// scratch returns the session's scratch module, making it on first use:
// a copy of the notebook folder's go.mod and go.sum when there is one
// (relative replace directives made absolute), else a fresh module; its
// go.sum gets the checksums the kernel verified before.
func (r *Resolver) scratch(ctx context.Context) (string, error) {
	if r.dir != "" {
		return r.dir, nil
	}
	if r.goBin == "" {
		return "", ErrNoGo
	}
	if err := r.cache(ctx); err != nil {
		return "", err
	}
	base := filepath.Join(r.cacheDir, "sessions")
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	pruneSessions(base)
	dir, err := os.MkdirTemp(base, "s-")
	if err != nil {
		return "", err
	}
	wd, _ := os.Getwd()
	if gomod, err := os.ReadFile(filepath.Join(wd, "go.mod")); err == nil {
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), gomod, 0o644); err != nil {
			return "", err
		}
		if sum, err := os.ReadFile(filepath.Join(wd, "go.sum")); err == nil {
			os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
		}
		if err := r.adoptGoMod(ctx, dir, wd); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("use %s: %w", filepath.Join(wd, "go.mod"), err)
		}
	} else if _, err := r.goCmd(ctx, dir, nil, nil, "mod", "init", "gotrain.local/notebook"); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	if err := mergeSums(filepath.Join(dir, "go.sum"), filepath.Join(r.cacheDir, "sums.txt")); err != nil {
		return "", err
	}
	r.dir = dir
	return dir, nil
}

// adoptGoMod renames the copied notebook module and makes its relative
// replacements absolute (they were relative to the notebook's folder).
func (r *Resolver) adoptGoMod(ctx context.Context, dir, wd string) error {
	out, err := r.goCmd(ctx, dir, nil, nil, "mod", "edit", "-json")
	if err != nil {
		return err
	}
	var gm struct {
		Module  struct{ Path string }
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &gm); err != nil {
		return err
	}
	if gm.Module.Path != "" {
		r.modPath = gm.Module.Path
	}
	args := []string{"mod", "edit", "-module", "gotrain.local/notebook"}
	for _, rp := range gm.Replace {
		if strings.HasPrefix(rp.New.Path, "./") || strings.HasPrefix(rp.New.Path, "../") {
			old := rp.Old.Path
			if rp.Old.Version != "" {
				old += "@" + rp.Old.Version
			}
			args = append(args, "-replace", old+"="+filepath.Join(wd, rp.New.Path))
		}
	}
	_, err = r.goCmd(ctx, dir, nil, nil, args...)
	return err
}

// pruneSessions removes scratch modules left by kernels that died more
// than a day ago.
func pruneSessions(base string) {
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			os.RemoveAll(filepath.Join(base, e.Name()))
		}
	}
}

// mergeSums appends to dst the lines of src it lacks (go.sum files).
func mergeSums(dst, src string) error {
	add, err := os.ReadFile(src)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	have, _ := os.ReadFile(dst)
	seen := map[string]bool{}
	for _, l := range strings.Split(string(have), "\n") {
		seen[l] = true
	}
	var buf bytes.Buffer
	buf.Write(have)
	if len(have) > 0 && !bytes.HasSuffix(have, []byte("\n")) {
		buf.WriteByte('\n')
	}
	for _, l := range strings.Split(string(add), "\n") {
		if l != "" && !seen[l] {
			seen[l] = true
			buf.WriteString(l + "\n")
		}
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}

// remember keeps the scratch go.sum's verified checksums in the kernel's
// cache for later sessions.
func (r *Resolver) remember() {
	os.MkdirAll(r.cacheDir, 0o755)
	mergeSums(filepath.Join(r.cacheDir, "sums.txt"), filepath.Join(r.dir, "go.sum"))
}

// offline is the environment that resolves from the module cache alone:
// the cache's download folder served as a proxy. r.cache has run.
func (r *Resolver) offline() []string {
	return []string{"GOPROXY=file://" + filepath.ToSlash(filepath.Join(r.modCache, "cache", "download"))}
}

// Resolve finds the package importPath names, downloading its module and
// dependencies when needed, and returns it. The module version is the one
// the scratch module already requires (a notebook go.mod or %get), else
// the newest in the module cache, else the newest the proxy has.
func (r *Resolver) Resolve(ctx context.Context, importPath string, progress io.Writer) (*Package, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := r.pkgs[importPath]; ok {
		return p, nil
	}
	dir, err := r.scratch(ctx)
	if err != nil {
		return nil, err
	}
	// Already required (and downloaded)?
	p, err := r.list(ctx, dir, importPath, r.offline(), nil)
	if err != nil && !notRequired(err) {
		// Required, but not in the module cache: download it.
		p, err = r.list(ctx, dir, importPath, nil, progress)
	}
	if err != nil && notRequired(err) {
		if _, gerr := r.goCmd(ctx, dir, r.offline(), nil, "get", importPath); gerr != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if _, gerr := r.goCmd(ctx, dir, nil, progress, "get", importPath); gerr != nil {
				return nil, explain(importPath, gerr)
			}
		}
		p, err = r.list(ctx, dir, importPath, nil, progress)
	}
	if err != nil {
		return nil, explain(importPath, err)
	}
	r.remember()
	r.pkgs[importPath] = p
	for _, m := range p.Deps {
		r.mods[m.Path] = m
	}
	return p, nil
}

// list runs go list on one package and its dependencies.
func (r *Resolver) list(ctx context.Context, dir, importPath string, env []string, progress io.Writer) (*Package, error) {
	out, err := r.goCmd(ctx, dir, env, progress, "list", "-mod=mod", "-e", "-deps", "-json=ImportPath,Name,Dir,GoFiles,Imports,Module,Error,DepsErrors,Standard", importPath)
	if err != nil {
		return nil, err
	}
	type listed struct {
		ImportPath, Name, Dir string
		GoFiles, Imports      []string
		Standard              bool
		Module                *struct {
			Path, Version, Dir string
			Replace            *struct{ Path, Version, Dir string }
		}
		Error      *struct{ Err string }
		DepsErrors []*struct{ Err string }
	}
	var p *Package
	mods := map[string]Module{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var l listed
		if err := dec.Decode(&l); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if l.Module != nil {
			m := Module{Path: l.Module.Path, Version: l.Module.Version, Dir: l.Module.Dir}
			if rp := l.Module.Replace; rp != nil {
				m.Dir = rp.Dir
				if rp.Version != "" {
					m.Version = rp.Version
				}
			}
			mods[m.Path] = m
		}
		if l.ImportPath != importPath {
			continue
		}
		if l.Error != nil {
			return nil, errors.New(l.Error.Err)
		}
		if len(l.DepsErrors) > 0 {
			return nil, errors.New(l.DepsErrors[0].Err)
		}
		if l.Module == nil {
			return nil, fmt.Errorf("%s is not in a module", importPath)
		}
		p = &Package{ImportPath: l.ImportPath, Name: l.Name, Dir: l.Dir, GoFiles: l.GoFiles}
		for _, imp := range l.Imports {
			if ThirdParty(imp) {
				p.Imports = append(p.Imports, imp)
			}
		}
	}
	if p == nil {
		return nil, fmt.Errorf("go list did not report %s", importPath)
	}
	for _, m := range mods {
		p.Deps = append(p.Deps, m)
		if strings.HasPrefix(importPath+"/", m.Path+"/") && len(m.Path) > len(p.Module.Path) {
			p.Module = m
		}
	}
	sort.Slice(p.Deps, func(i, j int) bool { return p.Deps[i].Path < p.Deps[j].Path })
	return p, nil
}

// notRequired recognises go's answer for a package no required module
// provides (so go get must find one).
func notRequired(err error) bool {
	s := err.Error()
	return strings.Contains(s, "no required module provides package") || strings.Contains(s, "cannot find module providing package")
}

// Get pins modules for the session, as `%get module[@version]` asks: go get
// in the scratch module, with the network. With update, the modules (or,
// when none is named, every module the session required) move to their
// newest versions and the session's earlier resolutions are dropped.
func (r *Resolver) Get(ctx context.Context, args []string, update bool, progress io.Writer) ([]Module, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	dir, err := r.scratch(ctx)
	if err != nil {
		return nil, err
	}
	if len(args) == 0 && !update {
		return nil, errors.New("usage: %get module[@version] … (or %get -u to update what the session uses)")
	}
	cmd := []string{"get"}
	if update {
		cmd = append(cmd, "-u")
		if len(args) == 0 {
			reqs, err := r.requires(ctx)
			if err != nil {
				return nil, err
			}
			for _, m := range reqs {
				args = append(args, m.Path)
			}
			if len(args) == 0 {
				return nil, errors.New("nothing to update: the session has not imported a module yet")
			}
		}
	}
	// Exact versions the module cache has need no network; else (and for
	// the newest) ask the proxy.
	exact := !update
	for _, a := range args {
		_, v, _ := strings.Cut(a, "@")
		exact = exact && strings.HasPrefix(v, "v")
	}
	var err2 error
	if !exact {
		_, err2 = r.goCmd(ctx, dir, nil, progress, append(cmd, args...)...)
	} else if _, err2 = r.goCmd(ctx, dir, r.offline(), nil, append(cmd, args...)...); err2 != nil && ctx.Err() == nil {
		_, err2 = r.goCmd(ctx, dir, nil, progress, append(cmd, args...)...)
	}
	if err2 != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, explain(strings.Join(args, " "), err2)
	}
	r.remember()
	if update {
		r.pkgs = map[string]*Package{}
		r.mods = map[string]Module{}
	}
	return r.requires(ctx)
}

// requires lists the scratch module's requirements.
func (r *Resolver) requires(ctx context.Context) ([]Module, error) {
	out, err := r.goCmd(ctx, r.dir, nil, nil, "mod", "edit", "-json")
	if err != nil {
		return nil, err
	}
	var gm struct {
		Require []struct {
			Path, Version string
			Indirect      bool
		}
	}
	if err := json.Unmarshal(out, &gm); err != nil {
		return nil, err
	}
	var mods []Module
	for _, q := range gm.Require {
		mods = append(mods, Module{Path: q.Path, Version: q.Version})
	}
	return mods, nil
}

// Resolved lists what the session resolved: the modules its imported
// packages came from and their dependencies, and then the other modules
// its go.mod requires (pinned by %get or the notebook's go.mod).
func (r *Resolver) Resolved(ctx context.Context) (used, required []Module, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range r.mods {
		used = append(used, m)
	}
	sort.Slice(used, func(i, j int) bool { return used[i].Path < used[j].Path })
	if r.dir == "" {
		return used, nil, nil
	}
	reqs, err := r.requires(ctx)
	for _, m := range reqs {
		if _, ok := r.mods[m.Path]; !ok {
			required = append(required, m)
		}
	}
	return used, required, err
}

// Save writes the session's go.mod and go.sum into dir (the notebook's
// folder), under the module path of the notebook's own go.mod when it had
// one, so the notebook can be run again with the same versions.
func (r *Resolver) Save(ctx context.Context, dir string) ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dir == "" {
		return nil, errors.New("nothing to save: the session has not imported or pinned a module yet")
	}
	gomod, err := os.ReadFile(filepath.Join(r.dir, "go.mod"))
	if err != nil {
		return nil, err
	}
	gomod = bytes.Replace(gomod, []byte("module gotrain.local/notebook\n"), []byte("module "+r.modPath+"\n"), 1)
	var written []string
	dst := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(dst, gomod, 0o644); err != nil {
		return nil, err
	}
	written = append(written, dst)
	if sum, err := os.ReadFile(filepath.Join(r.dir, "go.sum")); err == nil {
		dst := filepath.Join(dir, "go.sum")
		if err := os.WriteFile(dst, keepSums(sum, r.graph(ctx)), 0o644); err != nil {
			return written, err
		}
		written = append(written, dst)
	}
	return written, nil
}

// graph names the modules in the scratch module's build graph (from the
// module cache alone); nil when go cannot list them.
func (r *Resolver) graph(ctx context.Context) map[string]bool {
	out, err := r.goCmd(ctx, r.dir, r.offline(), nil, "list", "-mod=mod", "-m", "all")
	if err != nil {
		return nil
	}
	mods := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			mods[f[0]] = true
		}
	}
	return mods
}

// keepSums drops from a go.sum the checksums, seeded from the kernel's
// cache, of modules outside the build graph (all are kept when mods is nil).
func keepSums(sum []byte, mods map[string]bool) []byte {
	if mods == nil {
		return sum
	}
	var buf bytes.Buffer
	for _, l := range strings.Split(string(sum), "\n") {
		if f := strings.Fields(l); len(f) == 3 && mods[f[0]] {
			buf.WriteString(l + "\n")
		}
	}
	return buf.Bytes()
}

// Compiles checks that a resolved package builds for this platform with
// the go command; the error is the compiler's report.
func (r *Resolver) Compiles(ctx context.Context, importPath string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	dir, err := r.scratch(ctx)
	if err != nil {
		return err
	}
	_, err = r.goCmd(ctx, dir, r.offline(), nil, "build", "-mod=mod", importPath)
	if err != nil {
		return fmt.Errorf("%s", lastLines(err.Error(), 12))
	}
	return nil
}
