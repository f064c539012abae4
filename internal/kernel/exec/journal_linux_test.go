package exec

import (
	"bytes"
	"io"
	"syscall"
	"testing"
	"time"
)

// The stderr journal gets every byte written to fd 2 before the session's
// forwarder takes it, only one journal is handed out, and closing the
// session ends it (its reader sees EOF).
func TestStderrJournalCopiesFD2AndEndsWithTheSession(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	j, err := s.StderrJournal()
	if err != nil || j == nil {
		s.Close()
		t.Fatalf("journal %v, %v (does another session hold fds 1 and 2?)", j, err)
	}
	defer j.Close()
	if again, err := s.StderrJournal(); again != nil || err == nil {
		t.Errorf("a second journal: %v, %v", again, err)
	}
	got := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(j)
		got <- b
	}()
	msg := []byte("fatal error: journal test\n")
	if _, err := syscall.Write(2, msg); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the forwarder reads it
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-got:
		if !bytes.Contains(WithoutSyncMarkers(b), msg) {
			t.Fatalf("journal %q, want it to hold %q", b, msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the journal did not end with the session")
	}
}
