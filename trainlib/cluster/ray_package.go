package cluster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// rayLauncher is the job's entrypoint script, shipped in the job's
// working_dir package.
//
//go:embed raylauncher/launch.py
var rayLauncher []byte

// rayLauncherName and rayBinaryName are the file names in the package.
const (
	rayLauncherName = "launch.py"
	rayBinaryName   = "gotrain"
)

// rayPackage is a working_dir package for the launcher job: launch.py
// and, unless the nodes share a gotrain binary, the driver's binary.
type rayPackage struct {
	// uri is gcs://_ray_pkg_<hash>.zip, the hash of the contents, so an
	// unchanged binary is uploaded once per cluster.
	uri    string
	binary string // local binary to include; "" for launch.py alone
}

// newRayPackage names the package for binary ("" for none) by hashing
// what goes into it.
func newRayPackage(binary string) (*rayPackage, error) {
	h := sha256.New()
	h.Write([]byte("gotrain ray package v1\n"))
	h.Write(rayLauncher)
	if binary != "" {
		f, err := os.Open(binary)
		if err != nil {
			return nil, fmt.Errorf("ray: the gotrain binary to upload to the Ray nodes: %w: set %s", err, BinEnv)
		}
		defer f.Close()
		if _, err := io.Copy(h, f); err != nil {
			return nil, fmt.Errorf("ray: read %s: %w", binary, err)
		}
	}
	sum := hex.EncodeToString(h.Sum(nil))[:32]
	return &rayPackage{uri: "gcs://_ray_pkg_" + sum + ".zip", binary: binary}, nil
}

// path is the package's path in the dashboard's packages API.
func (p *rayPackage) path() string {
	return "/api/packages/gcs/" + p.uri[len("gcs://"):]
}

// zip builds the package: files at the top level, the binary executable.
func (p *rayPackage) zip() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	add := func(name string, mode os.FileMode, r io.Reader) error {
		fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)}
		fh.SetMode(mode)
		w, err := zw.CreateHeader(fh)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, r)
		return err
	}
	if err := add(rayLauncherName, 0o644, bytes.NewReader(rayLauncher)); err != nil {
		return nil, err
	}
	if p.binary != "" {
		f, err := os.Open(p.binary)
		if err != nil {
			return nil, fmt.Errorf("ray: the gotrain binary to upload: %w", err)
		}
		defer f.Close()
		if err := add(rayBinaryName, 0o755, f); err != nil {
			return nil, fmt.Errorf("ray: pack %s: %w", p.binary, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// upload puts the package into the cluster's GCS unless it is there
// already (the check also pins it there for a while, as Ray's own client
// relies on).
func (r *rayClient) upload(ctx context.Context, p *rayPackage) error {
	_, code, err := r.do(ctx, http.MethodGet, p.path(), "", nil)
	if err == nil {
		return nil
	}
	if code != http.StatusNotFound {
		return err
	}
	b, err := p.zip()
	if err != nil {
		return err
	}
	if _, _, err := r.do(ctx, http.MethodPut, p.path(), "application/octet-stream", bytes.NewReader(b)); err != nil {
		return fmt.Errorf("ray: upload the gotrain package (%d MiB): %w", len(b)>>20, err)
	}
	return nil
}
