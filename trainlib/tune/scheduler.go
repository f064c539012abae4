package tune

// Scheduler decides after each boosting round whether a trial goes on.
type Scheduler interface {
	// OnResult is told trial's score (lower is better) after round
	// (counting from 0) and returns true to stop the trial early.
	OnResult(trial, round int, score float64) (stop bool)
}

// FIFO runs every trial to its last round.
type FIFO struct{}

// OnResult implements Scheduler: it never stops a trial.
func (FIFO) OnResult(int, int, float64) bool { return false }
