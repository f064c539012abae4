package kernelspec

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInstallIsCompleteAndIdempotent(t *testing.T) {
	data := t.TempDir()
	bin := "/opt/gotrain/bin/gotrain"
	var first map[string][]byte
	for round := 0; round < 2; round++ {
		dir, err := Install(data, bin)
		if err != nil {
			t.Fatal(err)
		}
		if dir != filepath.Join(data, "kernels", "gotrain") {
			t.Errorf("installed in %s", dir)
		}
		files := map[string][]byte{}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			files[e.Name()], _ = os.ReadFile(filepath.Join(dir, e.Name()))
		}
		if len(files) != 4 {
			t.Fatalf("round %d: files %v, want kernel.json and three logos only", round, keys(files))
		}
		if first == nil {
			first = files
		} else {
			for name, b := range files {
				if !bytes.Equal(b, first[name]) {
					t.Errorf("%s changed on reinstall", name)
				}
			}
		}
	}
	var spec map[string]any
	if err := json.Unmarshal(first["kernel.json"], &spec); err != nil {
		t.Fatal(err)
	}
	argv := spec["argv"].([]any)
	if len(argv) != 3 || argv[0] != bin || argv[1] != "kernel" || argv[2] != "{connection_file}" {
		t.Errorf("argv = %v", argv)
	}
	if spec["display_name"] != "Go (gotrain)" || spec["language"] != "go" || spec["interrupt_mode"] != "message" {
		t.Errorf("spec = %v", spec)
	}
	for name, size := range map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64} {
		img, err := png.Decode(bytes.NewReader(first[name]))
		if err != nil || img.Bounds().Dx() != size || img.Bounds().Dy() != size {
			t.Errorf("%s: %v %v", name, err, img.Bounds())
		}
	}
	if !strings.Contains(string(first["logo-svg.svg"]), "<svg") {
		t.Error("logo-svg.svg is not SVG")
	}
}

func TestInstallRefusesRelativeBinary(t *testing.T) {
	if _, err := Install(t.TempDir(), "bin/gotrain"); err == nil || !strings.Contains(err.Error(), "absolute") {
		t.Errorf("relative binary: %v", err)
	}
}

func TestUserDataDirHonoursJupyterDataDir(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "/x/jupyter-data")
	if d, err := UserDataDir(); err != nil || d != "/x/jupyter-data" {
		t.Errorf("UserDataDir = %q, %v", d, err)
	}
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "/x/xdg")
	if d, _ := UserDataDir(); d != "/x/xdg/jupyter" {
		t.Errorf("with XDG_DATA_HOME: %q", d)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
