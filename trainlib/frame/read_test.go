package frame

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// cells lists every value of f as text, column by column, with the types.
func cells(f *Frame) []string {
	var out []string
	for j, c := range f.cols {
		out = append(out, c.name+":"+f.Types()[j])
		for i := range f.rows {
			out = append(out, c.cell(i))
		}
		levels := slices.Clone(c.levels)
		slices.Sort(levels)
		out = append(out, strings.Join(levels, "|"))
	}
	return out
}

// mixedFile is a file whose columns turn to text at different rows: one
// late, one in the middle, one only in its last row; with missing values,
// quoted fields holding the delimiter and a line end, CRLF line ends.
func mixedFile(rows int) string {
	var b strings.Builder
	b.WriteString("\ufeffid, late ,mid,last,quoted,num\r\n")
	for i := range rows {
		late := fmt.Sprint(i * 3)
		if i == rows-3 {
			late = "x"
		}
		mid := fmt.Sprint(float64(i) / 4)
		if i >= rows/2 && i%3 == 0 {
			mid = "m" + fmt.Sprint(i%5)
		}
		last := fmt.Sprint(i % 7)
		if i == rows-1 {
			last = "end"
		}
		if i%11 == 0 {
			mid, last = "NA", ""
		}
		quoted := fmt.Sprint(i)
		if i%13 == 5 {
			quoted = fmt.Sprintf("\"a,\nb\"\"%d\"", i%4)
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,%s,%g\r\n", i, late, mid, last, quoted, float64(i)*1e-3)
	}
	return b.String()
}

// Reading in blocks gives what reading the whole file in one piece gives,
// whatever the block size: every value, every type, every level.
func TestBlocksReadAsOnePiece(t *testing.T) {
	dir := writeTemp(t, map[string]string{"mixed.csv": mixedFile(300), "credit.csv": credit,
		"m_1.csv": mixedFile(40), "m_2.csv": "id, late ,mid,last,quoted,num\n1,2,3,4,5,6\n7,8,y,,\"z\",9\n"})
	for _, spec := range []string{"mixed.csv", "credit.csv", "m_*.csv"} {
		whole, err := Read(filepath.Join(dir, spec), Options{blockBytes: 1 << 20}) // one block
		if err != nil {
			t.Fatal(err)
		}
		for _, bs := range []int{1, 7, 64, 1000} {
			f, err := Read(filepath.Join(dir, spec), Options{blockBytes: bs})
			if err != nil {
				t.Fatalf("%s in blocks of %d: %v", spec, bs, err)
			}
			if f.Rows() != whole.Rows() || !slices.Equal(cells(f), cells(whole)) {
				t.Errorf("%s in blocks of %d: %d rows %q\nin one piece: %d rows %q", spec, bs, f.Rows(), cells(f), whole.Rows(), cells(whole))
			}
		}
	}
	f, _ := Read(filepath.Join(dir, "mixed.csv"), Options{blockBytes: 64})
	if want := []string{"number", "text", "text", "text", "text", "number"}; !slices.Equal(f.Types(), want) {
		t.Errorf("types %q, want %q", f.Types(), want)
	}
	if got, _ := f.TextColumn("mid"); got[1] != "0.25" || got[0] != "" || got[150] != "m0" {
		t.Errorf("mid %q", got[:3])
	}
	if got, _ := f.TextColumn("quoted"); got[5] != "a,\nb\"1" {
		t.Errorf("quoted %q", got[5])
	}
}

// An error in any block names its file, line and column as reading the
// records one by one does: the line counts every line before the block,
// those inside quoted fields included.
func TestBlockErrorsNameTheLine(t *testing.T) {
	body := mixedFile(200) // quoted fields span lines: 16 of them before row 200
	lines := strings.Count(body, "\n")
	dir := writeTemp(t, map[string]string{
		"ragged.csv":  body + "1,2\r\n" + mixedFile(5)[33:],
		"badutf8.csv": body + "1,2,3,4,\xff,6\n",
		"quote.csv":   body + "1,2,3,4,\"open,6\n7,8\n",
		"wide.csv":    body + "1,2,3,4,5,6,7\n",
	})
	for _, c := range []struct{ file, want string }{
		{"ragged.csv", fmt.Sprintf("ragged.csv:%d:4: ", lines+1)},
		{"badutf8.csv", fmt.Sprintf("badutf8.csv:%d:9: ", lines+1)},
		{"quote.csv", fmt.Sprintf("quote.csv:%d:9: ", lines+1)},
		{"wide.csv", fmt.Sprintf("wide.csv:%d:13: ", lines+1)},
	} {
		for _, bs := range []int{1, 64, 1 << 20} {
			_, err := Read(filepath.Join(dir, c.file), Options{blockBytes: bs})
			if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, c.want)) {
				t.Errorf("%s in blocks of %d: %v, want %q", c.file, bs, err, c.want)
			}
		}
	}
}

// FuzzReadBlocks: any bytes read in small blocks give what they give in one
// block — the same error text, or the same values, types and levels.
func FuzzReadBlocks(f *testing.F) {
	f.Add([]byte(credit), uint8(3))
	f.Add([]byte(mixedFile(30)), uint8(17))
	f.Add([]byte("a,b\n1,\"x\ny\"\n2,3\n"), uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, block uint8) {
		p := filepath.Join(t.TempDir(), "in.csv")
		if err := os.WriteFile(p, in, 0o644); err != nil {
			t.Fatal(err)
		}
		whole, werr := Read(p, Options{blockBytes: 1 << 16})
		part, perr := Read(p, Options{blockBytes: 1 + int(block)})
		if werr != nil || perr != nil {
			if werr == nil || perr == nil || werr.Error() != perr.Error() {
				t.Fatalf("blocks of %d: %v; one block: %v", 1+int(block), perr, werr)
			}
			return
		}
		if !slices.Equal(cells(whole), cells(part)) {
			t.Fatalf("blocks of %d: %q; one block: %q", 1+int(block), cells(part), cells(whole))
		}
	})
}
