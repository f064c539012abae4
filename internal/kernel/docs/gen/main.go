// Command gen writes the documentation the kernel embeds for inspection:
// the signature and doc comment of every exported name of every package
// cells may import (yaegi's standard library and kernel/symbols), read
// from the packages' sources with go/doc. Its output is deterministic (sorted
// JSON, gzip without a timestamp) so that `go generate` reproduces it.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"go/build"
	"os"
	"path"
	"sort"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gotrain/gotrain/internal/kernel/docs"
	"github.com/gotrain/gotrain/internal/kernel/symbols"
)

func main() {
	out := flag.String("o", "docs.json.gz", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "docs gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	var paths []string
	for k := range stdlib.Symbols {
		paths = append(paths, path.Dir(k))
	}
	for k := range symbols.Symbols {
		paths = append(paths, path.Dir(k))
	}
	paths = append(paths, "os/exec")
	sort.Strings(paths)
	all := map[string]map[string]docs.Entry{}
	for _, p := range paths {
		if _, done := all[p]; done {
			continue
		}
		m, err := packageDocs(p)
		if err != nil {
			return err
		}
		all[p] = m
	}
	js, err := json.Marshal(all)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(js); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// packageDocs reads one package's exported API and docs.
func packageDocs(importPath string) (map[string]docs.Entry, error) {
	bp, err := build.Default.Import(importPath, ".", 0)
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", importPath, err)
	}
	return docs.FromSource(importPath, bp.Dir, bp.GoFiles)
}
