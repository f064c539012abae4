package exec

import (
	"fmt"
	"strings"
	"testing"
)

// streamLines turns a cell's stream events into "stdout: line" entries.
func streamLines(events []event) []string {
	var out []string
	for _, e := range events {
		if e.kind != "stdout" && e.kind != "stderr" {
			continue
		}
		for _, l := range strings.SplitAfter(e.text, "\n") {
			if l != "" {
				out = append(out, e.kind+": "+l)
			}
		}
	}
	return out
}

// TestStdoutAndStderrKeepProgramOrder interleaves every way a cell writes
// to stdout and stderr — the interpreter's fmt, log and os.Stdout/Stderr,
// compiled code writing to fd 2 (the standard library's own logger), and a
// child process writing to the inherited fd 2 — and requires the stream
// events in exactly program order.
func TestStdoutAndStderrKeepProgramOrder(t *testing.T) {
	s := newSession(t)
	if s.capture == nil {
		t.Fatal("file descriptors 1 and 2 are not captured")
	}
	_, r := mustRun(t, s, `import ("fmt"; "log"; "os"; "os/exec")
compiled := log.Default() // compiled code: writes to the process's fd 2
compiled.SetFlags(0)
log.SetFlags(0)
for i := 0; i < 20; i++ {
	fmt.Println("a", i)
	fmt.Fprintln(os.Stderr, "b", i)
	os.Stdout.WriteString(fmt.Sprintln("c", i))
	compiled.Print("d ", i)
	fmt.Println("e", i)
	log.Print("f ", i)
	if i%5 == 0 {
		fmt.Println("g", i)
		child := exec.Command("sh", "-c", "echo h `+"$0"+`", fmt.Sprint(i))
		child.Stdout = compiled.Writer() // the real fd 2, inherited
		if err := child.Run(); err != nil {
			panic(err)
		}
	}
}
big := make([]byte, 1<<20) // a long write, then a short one on the other stream
for i := range big {
	big[i] = 's'
}
big[len(big)-1] = '\n'
os.Stdout.Write(big)
fmt.Fprintln(os.Stderr, "after big")`)
	var want []string
	for i := 0; i < 20; i++ {
		want = append(want,
			fmt.Sprintf("stdout: a %d\n", i), fmt.Sprintf("stderr: b %d\n", i),
			fmt.Sprintf("stdout: c %d\n", i), fmt.Sprintf("stderr: d %d\n", i),
			fmt.Sprintf("stdout: e %d\n", i), fmt.Sprintf("stderr: f %d\n", i))
		if i%5 == 0 {
			want = append(want, fmt.Sprintf("stdout: g %d\n", i), fmt.Sprintf("stderr: h %d\n", i))
		}
	}
	want = append(want, "stdout: "+strings.Repeat("s", 1<<20-1)+"\n", "stderr: after big\n")
	got := streamLines(r.snapshot())
	if strings.Join(got, "") != strings.Join(want, "") {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("stream output out of program order at line %d: got %.40q, want %.40q", i, got[i], want[i])
			}
		}
		t.Fatalf("stream output: %d lines, want %d", len(got), len(want))
	}
}

// TestCellStdStreamsBehaveLikeFiles: os.Stdout and os.Stderr in a cell
// have the *os.File methods cells use on them.
func TestCellStdStreamsBehaveLikeFiles(t *testing.T) {
	s := newSession(t)
	res, r := mustRun(t, s, `import ("fmt"; "os")
os.Stdout.Sync()
os.Stderr.WriteString("e\n")
fmt.Sprint(os.Stdout.Name(), " ", os.Stderr.Fd())`)
	if got := plain(res); got != `"/dev/stdout 2"` {
		t.Errorf("value %q", got)
	}
	if got := r.text("stderr"); got != "e\n" {
		t.Errorf("stderr %q", got)
	}
}
