package tune

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gotrain/gotrain/trainlib/model"
)

// stateFile is the name of a trial's checkpoint in its directory.
const stateFile = "state.json"

// maxStateBytes caps a checkpoint read back, before allocating.
const maxStateBytes = 1 << 30

// checkpoint is a trial's state on disk: enough to show it, to skip it
// when it is done, and to continue it tree for tree when it is not.
type checkpoint struct {
	ID       string               `json:"trial_id"`
	Index    int                  `json:"index"`
	Config   Config               `json:"config"`
	Status   Status               `json:"status"`
	Rounds   int                  `json:"rounds"`
	History  map[string][]float64 `json:"history"`
	Failures int                  `json:"failures"`
	Err      string               `json:"error,omitempty"`
	Elapsed  time.Duration        `json:"elapsed_ns"`
	// Trees, BaseScore and NumFeature are the model so far, which an
	// unfinished trial continues (gbdt.Options.InitModel).
	Trees      []model.Tree `json:"trees"`
	BaseScore  float64      `json:"base_score"`
	NumFeature int          `json:"num_feature"`
}

// initModel returns the model an unfinished trial continues from, or nil
// when it has no round yet.
func (c *checkpoint) initModel(objective string) *model.Model {
	if c.Rounds == 0 {
		return nil
	}
	return &model.Model{Objective: objective, BaseScore: c.BaseScore, NumFeature: c.NumFeature,
		Trees: slices.Clone(c.Trees), BestIteration: -1}
}

// trialDir is trial id's directory in the experiment directory.
func trialDir(dir, id string) string { return filepath.Join(dir, "trial_"+id) }

// save writes c atomically (temporary file, then rename).
func (c *checkpoint) save(dir string) error {
	d := trialDir(dir, c.ID)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("tune: checkpoint of trial %s: %w", c.ID, err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("tune: checkpoint of trial %s: %w", c.ID, err)
	}
	f, err := os.CreateTemp(d, ".state-*")
	if err != nil {
		return fmt.Errorf("tune: checkpoint of trial %s: %w", c.ID, err)
	}
	_, werr := f.Write(b)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), filepath.Join(d, stateFile))
	}
	if werr != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("tune: checkpoint of trial %s in %s: %w", c.ID, d, werr)
	}
	return nil
}

// loadCheckpoint reads trial id's checkpoint; a trial never checkpointed
// gives nil and no error.
func loadCheckpoint(dir, id string) (*checkpoint, error) {
	p := filepath.Join(trialDir(dir, id), stateFile)
	st, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("tune: %w", err)
	}
	if st.Size() > maxStateBytes {
		return nil, fmt.Errorf("tune: %s is %d bytes, over the %d-byte cap: not a checkpoint of ours; remove it or use another directory", p, st.Size(), maxStateBytes)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("tune: %w", err)
	}
	var c checkpoint
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("tune: %s is damaged (%v); delete that trial's directory to rerun it", p, err)
	}
	if len(c.Trees) != c.Rounds {
		return nil, fmt.Errorf("tune: %s says %d rounds but holds %d trees; delete that trial's directory to rerun it", p, c.Rounds, len(c.Trees))
	}
	return &c, nil
}

// loadTrials reads every trial checkpoint of an experiment directory,
// in trial order, with their configs typed as space samples them.
func loadTrials(dir string, space Space) ([]*checkpoint, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("tune: experiment directory: %w", err)
	}
	var out []*checkpoint
	for _, e := range ents {
		id, ok := strings.CutPrefix(e.Name(), "trial_")
		if !ok || !e.IsDir() {
			continue
		}
		c, err := loadCheckpoint(dir, id)
		if err != nil {
			return nil, err
		}
		if c == nil {
			continue
		}
		if c.ID != id {
			return nil, fmt.Errorf("tune: %s holds trial %q; directory and trial id must match", trialDir(dir, id), c.ID)
		}
		retype(c.Config, space)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	for i, c := range out {
		if c.Index != i {
			return nil, fmt.Errorf("tune: %s has trials up to %d but none numbered %d; was a trial directory deleted? Remove the later ones too", dir, out[len(out)-1].Index, i)
		}
	}
	return out, nil
}

// retype turns JSON numbers back into the ints integer domains sample
// (and that fixed int values had).
func retype(c Config, space Space) {
	for k, v := range c {
		f, ok := v.(float64)
		if !ok {
			continue
		}
		switch d := space[k].(type) {
		case IntRange, int:
			c[k] = int(f)
		case Choice:
			c[k] = matchValue(d.Values, f)
		case Grid:
			c[k] = matchValue(d.Values, f)
		}
	}
}

func matchValue(vals []any, f float64) any {
	for _, v := range vals {
		if toFloat(v) == f {
			return v
		}
	}
	return f
}
