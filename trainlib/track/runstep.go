package track

import "sort"

// runStep holds a run's metrics at the latest step it logged: what MLflow
// records on a model the run logs at that step.
type runStep struct {
	step    int64
	metrics map[string]Metric
}

// add takes metrics logged at one step; a later step replaces what was
// held, an earlier one is ignored, and a metric logged again at the same
// step keeps its latest value.
func (s *runStep) add(ms []Metric) {
	for _, m := range ms {
		switch {
		case s.metrics == nil || m.Step > s.step:
			s.step, s.metrics = m.Step, map[string]Metric{}
		case m.Step < s.step:
			continue
		}
		s.metrics[m.Key] = m
	}
}

// snapshot returns the step and its metrics in key order (step 0 and none
// for a run that logged no metrics, or a nil s).
func (s *runStep) snapshot() (int64, []Metric) {
	if s == nil {
		return 0, nil
	}
	out := make([]Metric, 0, len(s.metrics))
	for _, m := range s.metrics {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return s.step, out
}
