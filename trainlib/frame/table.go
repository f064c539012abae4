package frame

import (
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// table is what every value of this package shows: a caption, a header,
// optionally a second header row (column types), and rows of text.
type table struct {
	caption string
	head    []string
	types   []string
	rows    [][]string
	// numeric right-aligns a column; gap marks a row index after which
	// rows were left out ("…").
	numeric []bool
	gap     int
}

// maxCell caps the characters of one shown cell.
const maxCell = 60

func clipCell(s string) string {
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	r := []rune(s)
	return string(r[:maxCell-1]) + "…"
}

// html renders the table as an HTML fragment, styled inline so it reads the
// same in JupyterLab, the classic notebook and an exported page.
func (t *table) html() string {
	var b strings.Builder
	b.WriteString(`<table class="gotrain-frame" style="border-collapse:collapse;font-size:12px">`)
	if t.caption != "" {
		b.WriteString(`<caption style="caption-side:bottom;text-align:left;color:#555;padding-top:4px">` + html.EscapeString(t.caption) + `</caption>`)
	}
	b.WriteString("<thead><tr>")
	for _, h := range t.head {
		b.WriteString(`<th style="text-align:right;padding:2px 8px;border-bottom:1px solid #999">` + html.EscapeString(clipCell(h)) + "</th>")
	}
	b.WriteString("</tr>")
	if t.types != nil {
		b.WriteString("<tr>")
		for _, ty := range t.types {
			b.WriteString(`<th style="text-align:right;padding:0 8px;font-weight:normal;color:#777;font-style:italic">` + html.EscapeString(ty) + "</th>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</thead><tbody>")
	for i, r := range t.rows {
		b.WriteString("<tr>")
		for j, cell := range r {
			align := "left"
			if j < len(t.numeric) && t.numeric[j] {
				align = "right"
			}
			b.WriteString(`<td style="text-align:` + align + `;padding:2px 8px">` + html.EscapeString(clipCell(cell)) + "</td>")
		}
		b.WriteString("</tr>")
		if t.gap > 0 && i == t.gap-1 {
			b.WriteString(`<tr><td colspan="` + strconv.Itoa(len(t.head)) + `" style="text-align:center;color:#777">…</td></tr>`)
		}
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

// text renders the table as aligned plain text.
func (t *table) text() string {
	all := append([][]string{t.head}, t.rows...)
	if t.types != nil {
		all = append([][]string{t.head, t.types}, t.rows...)
	}
	width := make([]int, len(t.head))
	for _, r := range all {
		for j, c := range r {
			width[j] = max(width[j], utf8.RuneCountInString(clipCell(c)))
		}
	}
	var b strings.Builder
	for i, r := range all {
		for j, c := range r {
			if j > 0 {
				b.WriteString("  ")
			}
			c = clipCell(c)
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if j < len(t.numeric) && t.numeric[j] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		b.WriteString("\n")
		header := 1
		if t.types != nil {
			header = 2
		}
		if t.gap > 0 && i == header+t.gap-1 {
			b.WriteString("…\n")
		}
	}
	if t.caption != "" {
		b.WriteString(t.caption + "\n")
	}
	return b.String()
}

// formatNumber prints a value as Go does, shortest exact form; "" for NaN.
func formatNumber(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// formatStat prints a summary statistic with six significant digits.
func formatStat(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}
