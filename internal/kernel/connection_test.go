package kernel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConnectionInfo(t *testing.T) {
	good := `{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"ip":"127.0.0.1","key":"k","transport":"tcp","signature_scheme":"hmac-sha256","kernel_name":"gotrain"}`
	c, err := ParseConnectionInfo([]byte(good), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.endpoint(c.ShellPort) != "gotrain+tcp://127.0.0.1:1" || c.Key != "k" || c.HBPort != 5 {
		t.Errorf("parsed %+v", c)
	}
	bad := map[string]string{
		`{"signature_scheme":"hmac-md5","key":"k"}`: `"signature_scheme": "hmac-md5" is not supported; use "hmac-sha256"`,
		`{"transport":"udp"}`:                       `"transport": "udp"`,
		`{"shell_port":70000}`:                      `"shell_port": 70000`,
		`{"ip":"0.0.0.0"}`:                          "without a key",
		`{"shell_port":"x"}`:                        "c.json",
		`{`:                                         "c.json",
	}
	for in, want := range bad {
		_, err := ParseConnectionInfo([]byte(in), "c.json")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "c.json") {
			t.Errorf("%s: err = %v, want it to contain %q", in, err, want)
		}
	}
	if _, err := ParseConnectionInfo([]byte(`{"ip":"0.0.0.0","key":"secret"}`), "c.json"); err != nil {
		t.Errorf("keyed non-loopback bind refused: %v", err)
	}
}

func TestReadConnectionFile(t *testing.T) {
	if _, err := ReadConnectionFile(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
	p := filepath.Join(t.TempDir(), "c.json")
	if err := os.WriteFile(p, []byte(`{"key":"k","shell_port":9}`), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := ReadConnectionFile(p)
	if err != nil || c.ShellPort != 9 || c.IP != "127.0.0.1" || c.Transport != "tcp" {
		t.Errorf("defaults: %+v %v", c, err)
	}
}

func TestGlob(t *testing.T) {
	cases := []struct {
		pat, s string
		ok     bool
	}{{"a*", "abc", true}, {"a?c", "abc", true}, {"a?c", "abbc", false}, {"[ab]x", "bx", true}, {"[!ab]x", "bx", false}, {"1+1", "1+1", true}, {"*é*", "café", true}}
	for _, c := range cases {
		re, err := globRegexp(c.pat)
		if err != nil || re.MatchString(c.s) != c.ok {
			t.Errorf("glob %q on %q: %v %v", c.pat, c.s, !c.ok, err)
		}
	}
}
