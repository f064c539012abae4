package exec

import (
	"reflect"
	"testing"
)

// TestSwitchKeepsDeclarationsAndNamesWhatIsLost runs cells of each kind
// and checks what a switch of executor would replay, keep and lose.
func TestSwitchKeepsDeclarationsAndNamesWhatIsLost(t *testing.T) {
	s := newSession(t)
	for _, c := range []string{
		`import "strings"`,
		"type point struct{ x, y int }\nfunc (p point) sum() int { return p.x + p.y }",
		"func triple(x int) int { return 3 * x }",
		`const unit = "m"`,
		`var label = "sum"`,
		"var origin = point{1, 2}",
		"var loaded = strings.Repeat(\"a\", 3)", // a call: not replayable
		"count := 5",                            // a statement's value
		"var hits = 1",
		"hits++",
		"var seen = map[string]bool{}",
		`seen["x"] = true`,
		"var greeting = \"hi\"\nvar _ = len(greeting)", // a call in the group: not replayed
		`println(label)`,                               // passing a basic value changes nothing
		"func main() { println(1) }",
	} {
		if res, rec := run(t, s, c); res.Err != nil {
			t.Fatalf("%q: %v %+v", c, res.Err.Value, rec)
		}
	}
	sw := s.switchTo("bin", "example.test/x v1.0.0")
	wantKept := []string{"label", "origin", "point", "triple", "unit"}
	wantLost := []string{"count", "greeting", "hits (reset)", "loaded", "main", "seen (reset)"}
	if !reflect.DeepEqual(sw.Kept, wantKept) || !reflect.DeepEqual(sw.Lost, wantLost) {
		t.Fatalf("kept %q, lost %q; want %q, %q", sw.Kept, sw.Lost, wantKept, wantLost)
	}
	if len(sw.Replay) != 8 || sw.Replay[0] != `import "strings"` {
		t.Fatalf("replay %q", sw.Replay)
	}
	// The replay runs as is in a fresh session.
	s2 := newSession(t)
	for _, g := range sw.Replay {
		if res, rec := run(t, s2, g); res.Err != nil {
			t.Fatalf("replay %q: %v %+v", g, res.Err.Value, rec)
		}
	}
	if res, _ := run(t, s2, "triple(origin.sum()) + hits"); res.Value["text/plain"] != "10" {
		t.Fatalf("after the replay: %v %+v", res.Value, res.Err)
	}
}
