package display

// Check ends the cell with err as its error output when err is not nil, and
// does nothing when it is nil — the one line a cell needs after a call that
// can fail:
//
//	f, err := frame.Read("loans.csv", frame.Options{Label: "default"})
//	display.Check(err)
//
// The notebook shows "Error: <message>" and the cell line, not a panic with
// a stack; the variables of earlier cells stay, and the next cell runs as
// usual. Outside the kernel it panics with a *CheckError.
func Check(err error) {
	if err != nil {
		panic(&CheckError{Err: err})
	}
}

// CheckError carries the error Check was given to the kernel, which shows
// it as the cell's error.
type CheckError struct{ Err error }

// Error returns the message of the checked error.
func (e *CheckError) Error() string { return e.Err.Error() }

// Unwrap returns the checked error.
func (e *CheckError) Unwrap() error { return e.Err }
