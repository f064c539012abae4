package exec

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestMagics(t *testing.T) {
	s := newSession(t)
	res, _ := mustRun(t, s, "%help")
	if len(res.Payload) != 1 || res.Payload[0]["source"] != "page" || !strings.Contains(fmt.Sprint(res.Payload[0]["data"]), "%time") {
		t.Errorf("%%help payload: %v", res.Payload)
	}
	res, r := mustRun(t, s, "%time\nx := 2\nx * 21")
	if plain(res) != "42" || !strings.Contains(r.text("stdout"), "Wall time:") {
		t.Errorf("%%time: value %q, stdout %q", plain(res), r.text("stdout"))
	}
	_, r = mustRun(t, s, "%env GOTRAIN_EXEC_TEST=yes")
	if os.Getenv("GOTRAIN_EXEC_TEST") != "yes" {
		t.Errorf("%%env did not set the variable: %q", r.text("stdout"))
	}
	t.Cleanup(func() { os.Unsetenv("GOTRAIN_EXEC_TEST") })
	_, r = mustRun(t, s, "%env GOTRAIN_EXEC_TEST")
	if r.text("stdout") != "yes\n" {
		t.Errorf("%%env NAME: %q", r.text("stdout"))
	}
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	dir := t.TempDir()
	_, r = mustRun(t, s, "%cd "+dir)
	if got, _ := os.Getwd(); got != dir {
		t.Errorf("%%cd: in %q, want %q", got, dir)
	}
	_, r = mustRun(t, s, "%who")
	if !strings.Contains(r.text("stdout"), "x ") {
		t.Errorf("%%who lacks x: %q", r.text("stdout"))
	}
	_, r = mustRun(t, s, "!echo one; echo two >&2\n!echo three")
	if r.text("stdout") != "one\nthree\n" || r.text("stderr") != "two\n" {
		t.Errorf("shell: stdout %q stderr %q", r.text("stdout"), r.text("stderr"))
	}
	res, _ = run(t, s, "!exit 3")
	if res.Err == nil || res.Err.Name != "ShellError" {
		t.Errorf("failing command: %+v", res.Err)
	}
	res, _ = run(t, s, "%nosuchmagic")
	if res.Err == nil || !strings.Contains(res.Err.Value, "%help") {
		t.Errorf("unknown magic: %+v", res.Err)
	}
	// Go after a magic line keeps its line numbers.
	res, _ = run(t, s, "!true\ny := undefinedThing")
	if res.Err == nil || !strings.Contains(res.Err.Value, "cell:2:") {
		t.Errorf("error after a magic line: %+v", res.Err)
	}
}

func TestIsComplete(t *testing.T) {
	s := newSession(t)
	for code, want := range map[string]string{
		"x := 1":                   "complete",
		"func f() {":               "incomplete",
		"for i := 0; i < 3; i++ {": "incomplete",
		"fmt.Println(1,":           "incomplete",
		"x := `raw":                "incomplete",
		"x := 1 +":                 "incomplete",
		"x := )":                   "invalid",
		"}":                        "invalid",
		"x := 1 1":                 "invalid",
		"%time":                    "complete",
		"s := \"unterminated":      "invalid",
	} {
		got, indent := s.IsComplete(code)
		if got != want {
			t.Errorf("IsComplete(%q) = %q, want %q", code, got, want)
		}
		if code == "func f() {" && indent != "\t" {
			t.Errorf("indent %q, want a tab", indent)
		}
	}
}
