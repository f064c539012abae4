package main

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/model"
)

// recodeCategories turns the category codes of d's columns (numbered by
// the file's own levels) into the model's codes by category name, so a
// model trained on text predicts from text. A numeric column of a
// categorical feature is matched by its values' spelling. Categories the
// model never saw become code -1, which every categorical split sends
// left, as XGBoost sends unknown categories; their count is reported on
// warn.
func recodeCategories(d *data.Dataset, m *model.Model, warn io.Writer) error {
	if m.Categories == nil {
		return nil
	}
	byName := make(map[string]int, len(m.FeatureNames))
	for j, n := range m.FeatureNames {
		byName[n] = j
	}
	for i, name := range d.Names {
		j, ok := byName[name]
		if len(m.FeatureNames) == 0 {
			j, ok = i, i < m.NumFeature
		}
		if !ok {
			continue
		}
		codes := m.CategoryCodes(j)
		if codes == nil {
			if i < len(d.Categories) && d.Categories[i] != nil {
				return fmt.Errorf("column %q holds text, but the model's feature is numeric", name)
			}
			continue
		}
		var levels []string
		if i < len(d.Categories) {
			levels = d.Categories[i]
		}
		unseen := map[string]int{}
		for r := 0; r < d.Rows; r++ {
			v := &d.Values[r*d.Cols+i]
			if math.IsNaN(float64(*v)) {
				continue
			}
			var text string
			if levels != nil {
				text = levels[int(*v)]
			} else {
				text = strconv.FormatFloat(float64(*v), 'g', -1, 32)
			}
			c, ok := codes[text]
			if !ok {
				unseen[text]++
				c = -1
			}
			*v = float32(c)
		}
		if len(unseen) > 0 {
			n := 0
			for _, k := range unseen {
				n += k
			}
			fmt.Fprintf(warn, "predict: column %q: %d rows hold %d categories unseen in training; they go left at every categorical split, as in XGBoost\n", name, n, len(unseen))
		}
	}
	return nil
}
