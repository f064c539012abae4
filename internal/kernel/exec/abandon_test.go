package exec

import (
	"context"
	"testing"
	"time"
)

func TestInterruptAbandonsACallIgnoringTheContext(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import "time"
kept := 3`)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	// time.Sleep does not watch the cell's context: the cell is reported
	// interrupted after the grace period, and the call finishes unseen.
	res := s.Execute(ctx, "time.Sleep(4 * time.Second)\nkept = 99", &recorder{})
	if res.Err == nil || res.Err.Name != "Interrupted" {
		t.Fatalf("%+v, want Interrupted", res.Err)
	}
	res, _ = mustRun(t, s, "kept")
	if plain(res) != "3" {
		t.Errorf("kept = %q; the statement after the interrupted call ran", plain(res))
	}
}
