package exec

import "context"

// magic recognises a cell that starts with a magic (%name) or shell line
// (!cmd). It returns the handler and the rest of the cell.
func (s *Session) magic(ctx context.Context, code string, out Output) (func(string) Result, string, bool) {
	return nil, code, false
}
