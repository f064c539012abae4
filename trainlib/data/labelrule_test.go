package data

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"testing"
)

func TestLabelRuleAllows(t *testing.T) {
	class := LabelRule{Min: 0, Max: 2, Whole: true}
	positive := LabelRule{Min: 0, Max: math.Inf(1), AboveMin: true}
	cases := []struct {
		r    LabelRule
		y    float32
		want bool
	}{
		{class, 0, true}, {class, 2, true}, {class, 3, false}, {class, -1, false}, {class, 1.5, false},
		{class, float32(math.NaN()), false},
		{positive, 0, false}, {positive, 1e-7, true}, {positive, 1e30, true},
	}
	for _, c := range cases {
		if got := c.r.Allows(c.y); got != c.want {
			t.Errorf("%+v.Allows(%v) = %v, want %v", c.r, c.y, got, c.want)
		}
	}
}

// A label the rule refuses is an error at its file, line and column.
func TestLabelRuleErrorNamesThePlace(t *testing.T) {
	dir := writeFiles(t, map[string]string{"t.csv": "x,y\n1,0\n2,2\n3,7\n"})
	o := Options{Label: "y", Labels: &LabelRule{Min: 0, Max: 2, Whole: true, Need: "a class number 0, 1, …, 2"}}
	_, err := LoadFile(context.Background(), filepath.Join(dir, "t.csv"), o)
	var de *Error
	if !errors.As(err, &de) || de.Line != 4 || de.Column != 3 || de.Name != "y" || de.Text != "7" || de.Expected != o.Labels.Need {
		t.Fatalf("error %#v, want t.csv line 4 column 3, column y, text 7, expecting a class number", err)
	}
}
