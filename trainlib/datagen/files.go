package datagen

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// TestFile, TrainPrefix and ValidationPrefix name the files of the layout:
// test_data.csv, train_data_0.csv …, validation_data_0.csv ….
const (
	TestFile         = "test_data.csv"
	TrainPrefix      = "train_data_"
	ValidationPrefix = "validation_data_"
)

func shardName(prefix string, n int) string { return prefix + strconv.Itoa(n) + ".csv" }

var shardPattern = regexp.MustCompile(`^(train_data_|validation_data_)([0-9]+)\.csv$`)

// planFiles checks the output directory before anything is computed: an
// existing output file, or a shard of an earlier larger run that a glob
// would pick up with the new ones, is an error unless force is set. With
// force it returns the files of the earlier run, all of which Generate
// removes before it writes, so that an interrupted run never leaves old and
// new shards mixed; stale lists the shards the new run will not replace.
func planFiles(dir string, train, valid int, force bool) (old, stale []string, err error) {
	want := map[string]bool{TestFile: true}
	for n := range train {
		want[shardName(TrainPrefix, n)] = true
	}
	for n := range valid {
		want[shardName(ValidationPrefix, n)] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("datagen: read output directory: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case want[name] && !force:
			return nil, nil, fmt.Errorf("datagen: %s already exists: pass --force (datagen.Config.Force from Go) to overwrite it, or choose another --out", path)
		case want[name]:
			old = append(old, path)
		case shardPattern.MatchString(name) && !force:
			return nil, nil, fmt.Errorf("datagen: %s is a shard of an earlier run that a glob would mix with the new ones: pass --force to remove it, or choose another --out", path)
		case shardPattern.MatchString(name):
			old = append(old, path)
			stale = append(stale, path)
		}
	}
	return old, stale, nil
}

// writeAtomic writes a file through a temporary file in the same directory,
// so an interrupted run never leaves a half-written file under the final
// name. Without force it refuses to replace a file that appeared meanwhile.
func writeAtomic(path string, force bool, fill func(w *bufio.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("datagen: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := fill(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("datagen: write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("datagen: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("datagen: write %s: %w", path, err)
	}
	if force {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("datagen: %w", err)
		}
		return nil
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("datagen: %s already exists: pass --force (datagen.Config.Force from Go) to overwrite it", path)
		}
		return fmt.Errorf("datagen: %w", err)
	}
	os.Remove(tmp.Name())
	return nil
}
