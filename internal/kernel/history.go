package kernel

import (
	"regexp"
	"strings"
	"sync"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// historySession is the session number this kernel reports: history lives
// in memory, for this kernel's lifetime only.
const historySession = 1

// history is the input (and text output) of every cell run with
// store_history, numbered by execution count.
type history struct {
	mu      sync.Mutex
	entries []historyEntry
}

type historyEntry struct {
	line      int
	input     string
	output    string
	hasOutput bool
}

func (h *history) add(line int, input, output string, hasOutput bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = append(h.entries, historyEntry{line, input, output, hasOutput})
}

// query answers a history_request.
func (h *history) query(c wire.HistoryRequestContent) ([][]any, error) {
	h.mu.Lock()
	all := append([]historyEntry(nil), h.entries...)
	h.mu.Unlock()
	var sel []historyEntry
	switch c.HistAccessType {
	case "tail":
		sel = tail(all, c.N)
	case "range":
		if c.Session > 0 && c.Session != historySession {
			break // an earlier session: nothing is kept
		}
		for _, e := range all {
			if e.line >= c.Start && (c.Stop <= 0 || e.line < c.Stop) {
				sel = append(sel, e)
			}
		}
	case "search":
		re, err := globRegexp(c.Pattern)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for i := len(all) - 1; i >= 0; i-- { // newest first, for unique
			e := all[i]
			if !re.MatchString(e.input) || (c.Unique && seen[e.input]) {
				continue
			}
			seen[e.input] = true
			sel = append(sel, e)
		}
		for i, j := 0, len(sel)-1; i < j; i, j = i+1, j-1 {
			sel[i], sel[j] = sel[j], sel[i]
		}
		sel = tail(sel, c.N)
	default:
		return nil, &badFieldError{"hist_access_type", c.HistAccessType, `"tail", "range" or "search"`}
	}
	out := make([][]any, 0, len(sel))
	for _, e := range sel {
		var in any = e.input
		if c.Output {
			var o any
			if e.hasOutput {
				o = e.output
			}
			in = []any{e.input, o}
		}
		out = append(out, []any{historySession, e.line, in})
	}
	return out, nil
}

// tail keeps the last n entries (all when n ≤ 0).
func tail(es []historyEntry, n int) []historyEntry {
	if n > 0 && len(es) > n {
		return es[len(es)-n:]
	}
	return es
}

// globRegexp compiles a shell glob (*, ?, [...]) matched against the whole input.
func globRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for i := 0; i < len(pattern); i++ {
		switch ch := pattern[i]; ch {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		case '[':
			if j := strings.IndexByte(pattern[i+1:], ']'); j > 0 {
				class := pattern[i+1 : i+1+j]
				if class[0] == '!' {
					class = "^" + class[1:]
				}
				b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
				i += j + 1
			} else {
				b.WriteString(`\[`)
			}
		default:
			b.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
		}
	}
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, &badFieldError{"pattern", pattern, "a glob with *, ? and [...]"}
	}
	return re, nil
}

type badFieldError struct{ field, value, want string }

func (e *badFieldError) Error() string {
	return "history_request content: field \"" + e.field + "\": " + strings.TrimSpace(e.value) + " is not valid; use " + e.want
}

// historyRequest answers a history_request on shell.
func (k *Kernel) historyRequest(req wire.Message) {
	c, err := wire.ParseHistoryRequest(req.Content)
	if err == nil {
		var h [][]any
		if h, err = k.history.query(c); err == nil {
			k.reply(k.shell, req, wire.HistoryReply, wire.HistoryReplyContent{Status: wire.StatusOK, History: h})
			return
		}
	}
	k.replyError(k.shell, req, wire.HistoryReply, err)
}
