package exec

import (
	"strings"
	"testing"
)

// unsafe's generic functions are refused with the safe spelling,
// syscall.Exit ends the cell, not the kernel, and syscall.Exec runs the
// program, then ends the cell with its exit code.
func TestUnsafeAndSyscallCells(t *testing.T) {
	s := newSession(t)
	res, _ := run(t, s, "import \"unsafe\"\nb := []byte(\"ab\")\n_ = unsafe.Slice(&b[0], 2)")
	if res.Err == nil || !strings.Contains(res.Err.Value, "unsafe.Slice is not available in this interpreter: convert instead") {
		t.Errorf("unsafe.Slice: %+v", res.Err)
	}
	res, _ = run(t, s, "import \"syscall\"\nsyscall.Exit(4)")
	if res.Err == nil || !strings.Contains(res.Err.Value, "os.Exit(4)") {
		t.Errorf("syscall.Exit: %+v", res.Err)
	}
	res, r := run(t, s, "import \"syscall\"\nsyscall.Exec(\"/bin/sh\", []string{\"sh\", \"-c\", \"echo out; exit 3\"}, nil)\nprintln(\"not reached\")")
	if res.Err == nil || !strings.Contains(res.Err.Value, "os.Exit(3)") || r.text("stdout") != "out\n" {
		t.Errorf("syscall.Exec: %+v, stdout %q", res.Err, r.text("stdout"))
	}
	res, _ = mustRun(t, s, "import \"unsafe\"\ntype T struct{ a byte; b int64 }\nunsafe.Offsetof(T{}.b) + unsafe.Sizeof(T{})")
	if plain(res) != "24" {
		t.Errorf("Offsetof + Sizeof = %q, want 24", plain(res))
	}
}
