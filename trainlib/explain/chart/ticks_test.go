package chart

import "testing"

func TestNiceTicksLabels(t *testing.T) {
	var got []string
	for _, tk := range (niceTicks{}).Ticks(-0.0000001, 311.9) {
		got = append(got, tk.Label)
	}
	want := []string{"0", "100", "200", "300"}
	if len(got) != len(want) {
		t.Fatalf("labels %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("labels %q, want %q", got, want)
		}
	}
}

func TestLogTicksThinToFit(t *testing.T) {
	labels := func(maxLabels int) (n int) {
		for _, tk := range (logTicks{maxLabels: maxLabels}).Ticks(0.003, 0.3) {
			if tk.Label != "" {
				n++
			}
		}
		return n
	}
	if n := labels(10); n != 6 {
		t.Errorf("roomy axis: %d labels, want 6 (0.005 0.01 0.02 0.05 0.1 0.2)", n)
	}
	if n := labels(3); n > 3 {
		t.Errorf("narrow axis: %d labels, want at most 3", n)
	}
}
