package modules

import (
	"bytes"
	"go/build"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// GoPath is the GOPATH the interpreter is given; FS serves its src folder.
const GoPath = "/gotrain-modules"

// FS returns a file system that serves, under GoPath/src/<import path>, the
// source of every package the session resolved (and of their
// dependencies) from the module cache, so that yaegi, which knows GOPATH
// but not modules, loads them; names outside GoPath go to fallback (nil:
// the real file system).
// rewrite, when not nil, is given each Go file's source before the
// interpreter reads it (see Rewrite).
func (r *Resolver) FS(fallback fs.FS, rewrite Rewrite) fs.FS {
	return moduleFS{r: r, fallback: fallback, rewrite: rewrite}
}

// Rewrite changes a Go file of a package (its import path, the file's
// path in the module cache, its source) into what the interpreter reads.
type Rewrite func(importPath, file string, src []byte) []byte

type moduleFS struct {
	r        *Resolver
	fallback fs.FS
	rewrite  Rewrite
}

func (m moduleFS) Open(name string) (fs.File, error) {
	name = filepath.ToSlash(name)
	rest, ok := strings.CutPrefix(name, GoPath+"/src/")
	if !ok {
		if m.fallback != nil {
			return m.fallback.Open(name)
		}
		return os.Open(name)
	}
	if dir, ok := m.r.moduleDir(rest); ok {
		f, err := os.Open(dir)
		if err != nil {
			return nil, err
		}
		if m.rewrite != nil && strings.HasSuffix(dir, ".go") {
			return rewritten(f, path.Dir(rest), dir, m.rewrite)
		}
		return buildFiles{f, dir}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// buildFiles is a directory of package source as go build sees it: Go
// files its build constraints exclude (another GOOS, `//go:build ignore`
// generators in package main) are not listed, since yaegi reads every
// file of a package's folder.
type buildFiles struct {
	*os.File
	dir string
}

func (b buildFiles) ReadDir(n int) ([]fs.DirEntry, error) {
	entries, err := b.File.ReadDir(n)
	out := entries[:0]
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			if ok, merr := build.Default.MatchFile(b.dir, e.Name()); merr != nil || !ok {
				continue
			}
		}
		out = append(out, e)
	}
	return out, err
}

// moduleDir maps an import path (or a file under it) to the module cache,
// through the longest module path it starts with.
func (r *Resolver) moduleDir(p string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	best := Module{}
	for mp, m := range r.mods {
		if (p == mp || strings.HasPrefix(p, mp+"/")) && len(mp) > len(best.Path) && m.Dir != "" {
			best = m
		}
	}
	if best.Path == "" {
		return "", false
	}
	return filepath.Join(best.Dir, filepath.FromSlash(strings.TrimPrefix(p, best.Path))), true
}

// Fixed is a resolver that knows a fixed set of modules and resolves
// nothing (for a process that did not resolve them itself): its FS and
// PackageDir serve them.
func Fixed(mods []Module) *Resolver {
	r := &Resolver{mods: map[string]Module{}}
	for _, m := range mods {
		r.mods[m.Path] = m
	}
	return r
}

// rewritten is a Go file's source as rewrite changes it, in memory.
func rewritten(f *os.File, importPath, name string, rewrite Rewrite) (fs.File, error) {
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	src, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	src = rewrite(importPath, name, src)
	return &memFile{Reader: bytes.NewReader(src), info: memInfo{FileInfo: info, size: int64(len(src))}}, nil
}

// memFile is a file's content in memory, with its file's info but size.
type memFile struct {
	*bytes.Reader
	info memInfo
}

func (m *memFile) Stat() (fs.FileInfo, error) { return m.info, nil }
func (m *memFile) Close() error               { return nil }

type memInfo struct {
	fs.FileInfo
	size int64
}

func (i memInfo) Size() int64 { return i.size }

// PackageDir is the folder in the module cache of a package the session
// resolved (or of a package of a module it resolved); false when no
// resolved module provides it.
func (r *Resolver) PackageDir(importPath string) (string, bool) { return r.moduleDir(importPath) }
