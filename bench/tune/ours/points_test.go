package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPointsFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "points.json")
	if err := writePoints(path, 10, 1); err != nil {
		t.Fatal(err)
	}
	cs, err := readPoints(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 10 {
		t.Fatalf("%d configurations, want 10", len(cs))
	}
	again := filepath.Join(t.TempDir(), "again.json")
	if err := writePoints(again, 10, 1); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Fatalf("the same seed drew different points:\n%s\n%s", a, b)
	}
	for i, c := range cs {
		eta, depth := c["eta"].(float64), c["max_depth"].(int)
		if eta < 0.003 || eta > 0.3 || depth < 2 || depth > 6 {
			t.Fatalf("point %d: %v outside the seed's space", i, c)
		}
	}
}

func TestReadPointsNamesTheBadEntry(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ body, want string }{
		{`[{"eta": 0.1, "max_depth": 3}, {"eta": 0.1, "max_depth": 7}]`, "entry 1: max_depth 7"},
		{`[{"eta": 0.5, "max_depth": 3}]`, "entry 0: eta 0.5"},
		{`[]`, "no configurations"},
		{`{"eta": 0.1}`, "want a JSON list"},
	} {
		path := filepath.Join(dir, "p.json")
		if err := os.WriteFile(path, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readPoints(path); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Fatalf("readPoints(%s) error = %v, want one naming the file and %q", tc.body, err, tc.want)
		}
	}
}
