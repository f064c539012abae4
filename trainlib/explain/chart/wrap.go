package chart

import (
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// breakAfter lists the characters after which a long label may wrap:
// feature names are usually joined with these.
const breakAfter = " _-./:,;|"

// wrapLabel breaks s into lines no wider than max in style sty, preferring
// breaks after the characters in breakAfter and cutting inside a word only
// when one word alone is too wide. It never drops a character: joining
// the lines gives back s (spaces at a break stay at the end of a line).
func wrapLabel(s string, sty text.Style, max vg.Length) []string {
	if s == "" || sty.Width(s) <= max {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, tok := range tokens(s) {
		if sty.Width(line+tok) <= max {
			line += tok
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		// The token alone is too wide: cut it rune by rune.
		for sty.Width(tok) > max {
			cut := fitPrefix(tok, sty, max)
			lines = append(lines, tok[:cut])
			tok = tok[cut:]
		}
		line = tok
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// tokens splits s after every break character, keeping all of s.
func tokens(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(breakAfter, r) {
			end := i + utf8.RuneLen(r)
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// fitPrefix returns the byte length of the longest prefix of s, at least
// one rune, no wider than max.
func fitPrefix(s string, sty text.Style, max vg.Length) int {
	_, first := utf8.DecodeRuneInString(s)
	best := first
	for i := range s {
		if i == 0 {
			continue
		}
		if sty.Width(s[:i]) > max {
			break
		}
		best = i
	}
	return best
}

// wrapTitle wraps a title to width w in the title style.
func wrapTitle(title string, w vg.Length) string {
	return strings.Join(wrapLabel(title, textStyle(titleSize), w), "\n")
}

// wrapAxisLabel wraps an axis label to length w in the label style.
func wrapAxisLabel(s string, w vg.Length) string {
	return strings.Join(wrapLabel(s, textStyle(labelSize), w), "\n")
}
