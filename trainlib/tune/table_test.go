package tune

import "testing"

// The seed's space tunes eta: no other column may share its name (an ETA
// column once read "eta" beside the learning rate's).
func TestTableColumnNamesAreUnique(t *testing.T) {
	tb := &Table{Params: []string{"eta", "max_depth"}, Metrics: []string{"val-error"}, Best: -1}
	seen := map[string]bool{}
	for _, h := range tb.header() {
		if seen[h] {
			t.Fatalf("column %q appears twice in %q", h, tb.header())
		}
		seen[h] = true
	}
}
