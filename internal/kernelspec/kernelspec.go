// Package kernelspec holds the gotrain kernelspec — kernel.json and the
// logos, embedded in the binary — and installs it where Jupyter looks.
//
// The logos are drawn by logo_gen.go (`go generate ./kernelspec`).
package kernelspec

//go:generate go run logo_gen.go

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Name is the kernelspec's directory name, what `jupyter --kernel` takes.
const Name = "gotrain"

// DisplayName is what notebooks show in the kernel picker.
const DisplayName = "Go (gotrain)"

//go:embed logo-32x32.png logo-64x64.png logo-svg.svg
var logos embed.FS

// Spec is the content of kernel.json.
type Spec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Env           map[string]any `json:"env"`
	Metadata      map[string]any `json:"metadata"`
}

// NewSpec returns the kernelspec that runs binary (an absolute path).
func NewSpec(binary string) Spec {
	return Spec{
		Argv:          []string{binary, "kernel", "{connection_file}"},
		DisplayName:   DisplayName,
		Language:      "go",
		InterruptMode: "message",
		Env:           map[string]any{},
		Metadata:      map[string]any{"debugger": false},
	}
}

// UserDataDir is Jupyter's per-user data directory: $JUPYTER_DATA_DIR, or
// the platform default (~/.local/share/jupyter, honouring XDG_DATA_HOME, on
// Linux; ~/Library/Jupyter on macOS; %APPDATA%\jupyter on Windows).
func UserDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Jupyter"), nil
	case "windows":
		if d := os.Getenv("APPDATA"); d != "" {
			return filepath.Join(d, "jupyter"), nil
		}
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jupyter"), nil
	}
	if err != nil {
		return "", fmt.Errorf("find the home directory for the user kernelspec (set JUPYTER_DATA_DIR): %w", err)
	}
	return filepath.Join(home, ".local", "share", "jupyter"), nil
}

// PrefixDataDir is the Jupyter data directory of an installation prefix.
func PrefixDataDir(prefix string) string {
	return filepath.Join(prefix, "share", "jupyter")
}

// Install writes kernels/gotrain (kernel.json and logos) under dataDir for
// binary, replacing any earlier install; it returns the directory. Running
// it twice leaves the same files.
func Install(dataDir, binary string) (string, error) {
	if !filepath.IsAbs(binary) {
		return "", fmt.Errorf("kernelspec: binary path %q must be absolute", binary)
	}
	dir := filepath.Join(dataDir, "kernels", Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("kernelspec: %w", err)
	}
	spec, err := json.MarshalIndent(NewSpec(binary), "", "  ")
	if err != nil {
		return "", err
	}
	files := map[string][]byte{"kernel.json": append(spec, '\n')}
	for _, name := range []string{"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"} {
		data, err := logos.ReadFile(name)
		if err != nil {
			return "", err
		}
		files[name] = data
	}
	for name, data := range files {
		if err := writeAtomic(filepath.Join(dir, name), data); err != nil {
			return "", fmt.Errorf("kernelspec: %w", err)
		}
	}
	return dir, nil
}

// writeAtomic replaces path with data through a temporary file and rename,
// so a reader never sees half a kernel.json.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
