package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Format is a model file format.
type Format int

const (
	// JSON is XGBoost's JSON model format (.json).
	JSON Format = iota
	// UBJSON is XGBoost's binary JSON model format (.ubj; .xgb too).
	UBJSON
)

// String returns the format's usual file extension without the dot.
func (f Format) String() string {
	if f == UBJSON {
		return "ubj"
	}
	return "json"
}

// MaxFileBytes caps how much Load and Read accept, so a wrong or hostile
// file cannot exhaust memory. Models this size hold millions of nodes.
const MaxFileBytes = 1 << 30

// FormatFor picks the format from a file name: .json is JSON, .ubj and
// .xgb are UBJSON; anything else is an error that lists them.
func FormatFor(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return JSON, nil
	case ".ubj", ".xgb":
		return UBJSON, nil
	}
	return 0, fmt.Errorf("model: cannot tell the format of %q from its extension; use .json, .ubj or .xgb", name)
}

// Save writes m to path in XGBoost's format chosen by the extension: .json
// for JSON, .ubj and .xgb for UBJSON. It writes to a temporary file in the
// same directory and renames it, so an existing model is never left
// half-written.
func (m *Model) Save(path string) (err error) {
	f, err := FormatFor(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("model: save %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// CreateTemp makes the file private; a model is an ordinary file.
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("model: save %s: %w", path, err)
	}
	if err = m.Write(tmp, f); err != nil {
		return fmt.Errorf("model: save %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("model: save %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("model: save %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("model: save %s: %w", path, err)
	}
	return nil
}

// Write writes m to w as an XGBoost model file in format f.
func (m *Model) Write(w io.Writer, f Format) error {
	if err := m.Validate(); err != nil {
		return err
	}
	doc, err := toDoc(m)
	if err != nil {
		return err
	}
	if f == UBJSON {
		return encodeUBJ(w, doc)
	}
	return encodeJSON(w, doc)
}

// Load reads an XGBoost model file (JSON or UBJSON, detected from content).
// Errors name the file and the place in it.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("model: load: %w", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return m, nil
}

// Read reads an XGBoost model in JSON or UBJSON from r, telling them apart
// by the first byte, and refuses input over MaxFileBytes.
func Read(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("model: read: %w", err)
	}
	if len(b) > MaxFileBytes {
		return nil, fmt.Errorf("model: the file is larger than %d bytes; is it a model file?", MaxFileBytes)
	}
	return decode(b)
}

// decode parses a whole model file.
func decode(b []byte) (*Model, error) {
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 {
		return nil, errors.New("model file: empty")
	}
	var doc any
	var err error
	switch {
	case t[0] == '{' && len(t) > 1 && isJSONStart(t[1:]):
		doc, err = decodeJSON(b)
	case b[0] == '{':
		doc, err = decodeUBJ(b)
	default:
		return nil, fmt.Errorf("model file: starts with %q, not an XGBoost model in JSON or UBJSON; if it is in XGBoost's old binary format, load it in XGBoost and save_model it to a .json or .ubj file", t[:min(len(t), 8)])
	}
	if err != nil {
		return nil, err
	}
	return fromDoc(doc)
}

// isJSONStart reports whether b, following an opening '{', continues as
// JSON text (a key or '}') rather than as UBJSON (a length marker).
func isJSONStart(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && (t[0] == '"' || t[0] == '}')
}
