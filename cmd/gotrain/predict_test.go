package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// predict scores a file that still has its ID and its (Y/N) label: it picks
// the model's features by name and errors only when one is missing.
func TestPredictPicksFeaturesByName(t *testing.T) {
	dir := t.TempDir()
	var train, test strings.Builder
	train.WriteString("LIMIT,AGE,default \n")
	test.WriteString("ID,AGE,default ,LIMIT,note\n")
	for i := 0; i < 60; i++ {
		label := []string{"N", "Y"}[i%3/2]
		train.WriteString(strings.Join([]string{strconv.Itoa(i % 7), strconv.Itoa(20 + i%30), label}, ",") + "\n")
		test.WriteString(strings.Join([]string{"c" + strconv.Itoa(i), strconv.Itoa(20 + i%30), label, strconv.Itoa(i % 7), "text"}, ",") + "\n")
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	trainPath, testPath := write("train.csv", train.String()), write("test.csv", test.String())
	modelPath, out := filepath.Join(dir, "m.json"), filepath.Join(dir, "pred.csv")
	ctx := context.Background()
	if err := runFit(ctx, []string{"--train", trainPath, "--label", "default ", "--out", modelPath, "--quiet"}); err != nil {
		t.Fatal(err)
	}
	if err := runPredict(ctx, []string{"--model", modelPath, "--data", testPath, "--out", out}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 61 || lines[0] != "prediction" {
		t.Fatalf("predictions: %d lines, header %q", len(lines), lines[0])
	}
	missing := write("missing.csv", "ID,AGE\nx,30\n")
	err = runPredict(ctx, []string{"--model", modelPath, "--data", missing, "--out", out})
	if err == nil || !strings.Contains(err.Error(), `column "LIMIT", a feature of the model, is missing`) {
		t.Fatalf("a missing feature: %v", err)
	}
}
