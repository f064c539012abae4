package track

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// SpoolFile is the spool's name in a job's output directory; SpoolBlobDir
// holds copies of the artifacts the spool refers to.
const (
	SpoolFile    = "mlflow-spool.jsonl"
	SpoolBlobDir = "mlflow-spool"
)

// Record kinds in the spool.
const (
	kindRun      = "run"
	kindLog      = "log"
	kindArtifact = "artifact"
	kindModel    = "model"
	kindRegister = "register"
	kindEnd      = "end"
)

// record is one line of the spool: either a tracking call (Seq > 0) or an
// acknowledgement of calls the server accepted (Acks non-empty).
type record struct {
	Seq  int64  `json:"seq,omitempty"`
	Kind string `json:"kind,omitempty"`
	// Run is the tracker's id of the run the call is about; Parent the
	// parent's, for a child run.
	Run        string `json:"run,omitempty"`
	Parent     string `json:"parent,omitempty"`
	Name       string `json:"name,omitempty"`
	Experiment string `json:"experiment,omitempty"`
	// Time is the call's time in Unix milliseconds.
	Time    int64    `json:"time,omitempty"`
	Metrics []Metric `json:"metrics,omitempty"`
	Params  []Tag    `json:"params,omitempty"`
	Tags    []Tag    `json:"tags,omitempty"`
	// File is an artifact's copy, relative to the spool's directory; Path
	// its artifact path in the run.
	File   string `json:"file,omitempty"`
	Path   string `json:"path,omitempty"`
	Status Status `json:"status,omitempty"`
	// Model is the tracker's key of a logged model (a model call, or the
	// model a register call registers); Files its spooled files; Step the
	// run's step it is linked at; ModelType its model_type.
	Model     string      `json:"model,omitempty"`
	ModelType string      `json:"model_type,omitempty"`
	Files     []spoolFile `json:"files,omitempty"`
	Step      int64       `json:"step,omitempty"`

	// Acks lists the sequence numbers the server acknowledged; Error is
	// set when it refused them for good (they will not be retried).
	Acks  []int64 `json:"acks,omitempty"`
	Error string  `json:"error,omitempty"`
	// What the server answered, needed to replay later calls.
	RunID        string `json:"run_id,omitempty"`
	ArtifactURI  string `json:"artifact_uri,omitempty"`
	ExperimentID string `json:"experiment_id,omitempty"`
	Version      string `json:"version,omitempty"`
	// ModelID is the server's id of a logged model (ArtifactURI is then
	// the model's artifact location). It is recorded even when the rest
	// of the model call failed for good.
	ModelID string `json:"model_id,omitempty"`
}

// spoolFile is one file of a spooled model directory: its copy, relative to
// the spool's directory, and its path in the model directory.
type spoolFile struct {
	File string `json:"file"`
	Path string `json:"path"`
}

// spool is the append-only JSONL journal of a job's tracking calls.
type spool struct {
	dir  string
	path string
	mu   sync.Mutex
	f    *os.File
}

// openSpool opens (creating) the spool in dir for appending.
func openSpool(dir string) (*spool, error) {
	if err := os.MkdirAll(filepath.Join(dir, SpoolBlobDir), 0o755); err != nil {
		return nil, fmt.Errorf("mlflow spool: %w (choose a writable output directory)", err)
	}
	p := filepath.Join(dir, SpoolFile)
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("mlflow spool: %w", err)
	}
	if err := lockSpool(f); err != nil {
		f.Close()
		return nil, err
	}
	return &spool{dir: dir, path: p, f: f}, nil
}

// append writes r as one line with a single write, so a crash leaves at
// most a truncated last line, which readSpool ignores. Lines are not synced
// to disk one by one (a boosting round must not wait for the disk): they
// survive the process being killed, not the machine losing power.
func (s *spool) append(r record) error {
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("mlflow spool %s: %w", s.path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return fmt.Errorf("mlflow spool %s: closed", s.path)
	}
	if _, err := s.f.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("mlflow spool %s: %w", s.path, err)
	}
	return nil
}

func (s *spool) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

// spoolState is what a spool file says: every call, and the answers to
// those the server acknowledged.
type spoolState struct {
	calls []record
	// acked maps a sequence number to its acknowledgement.
	acked  map[int64]record
	maxSeq int64
}

// pending returns the calls not yet acknowledged, in order.
func (st *spoolState) pending() []record {
	var out []record
	for _, c := range st.calls {
		if _, ok := st.acked[c.Seq]; !ok {
			out = append(out, c)
		}
	}
	return out
}

// readSpool reads the spool in dir. A missing spool is empty. A truncated
// last line (a crash in mid-write) is ignored; a bad line elsewhere is an
// error naming the file and line.
func readSpool(dir string) (*spoolState, error) {
	p := filepath.Join(dir, SpoolFile)
	st := &spoolState{acked: map[int64]record{}}
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("mlflow spool: %w", err)
	}
	r := bufio.NewReader(bytes.NewReader(data))
	for line := 1; ; line++ {
		text, err := r.ReadBytes('\n')
		last := err == io.EOF
		if len(bytes.TrimSpace(text)) > 0 {
			var rec record
			if jerr := json.Unmarshal(text, &rec); jerr != nil {
				if last {
					break // truncated by a crash while writing
				}
				return nil, fmt.Errorf("mlflow spool %s line %d: %v (the file is damaged; move it aside to start afresh)", p, line, jerr)
			}
			switch {
			case len(rec.Acks) > 0:
				for _, s := range rec.Acks {
					st.acked[s] = rec
				}
			case rec.Seq > 0:
				st.calls = append(st.calls, rec)
				st.maxSeq = max(st.maxSeq, rec.Seq)
			default:
				return nil, fmt.Errorf("mlflow spool %s line %d: neither a call nor an acknowledgement", p, line)
			}
		}
		if last {
			break
		}
	}
	return st, nil
}

// SpooledTree describes the run tree a spool already holds: the name of
// its parent run ("" when it holds none) and its handle (valid for an
// MLflow tracker opened on the same directory), the names of the child
// runs started below it, whether the parent has more than its start and
// parameters (Finishing: the job's end began to be recorded) and whether
// its end was recorded (Complete: the whole tree was handed to the
// tracker), and how many calls the server has not acknowledged yet.
type SpooledTree struct {
	Parent    string
	Run       Run
	Children  map[string]bool
	Finishing bool
	Complete  bool
	Unsent    int
}

// ReadSpooledTree reads dir's spool (a job's output directory): a job run
// again with the same directory continues or replays that tree instead of
// logging a second one.
func ReadSpooledTree(dir string) (SpooledTree, error) {
	st, err := readSpool(dir)
	if err != nil {
		return SpooledTree{}, err
	}
	t := SpooledTree{Children: map[string]bool{}}
	parent := ""
	for _, c := range st.calls {
		switch {
		case c.Kind == kindRun && c.Parent == "" && parent == "":
			parent, t.Parent, t.Run = c.Run, c.Name, Run{ID: c.Run}
		case parent == "":
		case c.Kind == kindRun && c.Parent == parent:
			t.Children[c.Name] = true
		case c.Run != parent:
		case c.Kind == kindEnd:
			t.Complete = true
		case c.Kind != kindLog || len(c.Metrics) > 0:
			t.Finishing = true
		}
	}
	t.Unsent = len(st.pending())
	return t, nil
}
