package data

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"unicode/utf8"
)

// recordReader splits CSV input into records, streaming: it holds one record
// at a time. It strips a leading UTF-8 BOM, accepts LF and CRLF line ends,
// skips blank lines, and reads RFC 4180 quoted fields (a doubled quote is a
// quote; a quoted field may span lines). It keeps each record's raw text so
// that an error can name the line and column of any field.
type recordReader struct {
	br       *bufio.Reader
	file     string
	comma    byte
	maxLine  int
	maxCols  int
	nextLine int // number of the next physical line to read
	started  bool

	line   int    // line where the current record starts
	raw    []byte // the current record's raw text, lines joined by '\n'
	buf    []byte // unquoted text of quoted fields
	fields []field
}

// field is one field of a record: its text and its offset in the raw record.
type field struct {
	text []byte
	off  int
}

func newRecordReader(r io.Reader, file string, o *Options) *recordReader {
	size := o.maxLine() + 2 // room for the line end
	return &recordReader{
		br:       bufio.NewReaderSize(r, min(size, 64<<10)),
		file:     file,
		comma:    o.comma(),
		maxLine:  o.maxLine(),
		maxCols:  o.maxColumns(),
		nextLine: 1,
	}
}

// errAt returns an Error for the byte at offset off of the current record.
func (rr *recordReader) errAt(off int, name, text, expected, hint string) *Error {
	line, col := rr.position(off)
	return &Error{File: rr.file, Line: line, Column: col, Name: name, Text: text, Expected: expected, Hint: hint}
}

// position maps an offset in the raw record to a line and a character column.
func (rr *recordReader) position(off int) (line, col int) {
	off = min(max(off, 0), len(rr.raw))
	start := bytes.LastIndexByte(rr.raw[:off], '\n') + 1
	line = rr.line + bytes.Count(rr.raw[:start], []byte{'\n'})
	return line, utf8.RuneCount(rr.raw[start:off]) + 1
}

// readLine appends the next non-empty physical line to rr.raw, without its
// line end. It returns io.EOF at the end of the input.
func (rr *recordReader) readLine() error {
	var line []byte
	for {
		l, err := rr.readPhysical()
		if err != nil {
			return err
		}
		if len(l) > 0 || len(rr.raw) > 0 {
			line = l
			break
		}
		// A blank line between records is skipped.
	}
	if len(rr.raw) == 0 {
		rr.line = rr.nextLine - 1
	}
	start := len(rr.raw)
	if start > 0 && start+len(line) > rr.maxLine {
		// A quoted field spans lines; a record is capped like a line.
		return rr.errAt(0, "", string(rr.raw[:min(20, len(rr.raw))]), fmt.Sprintf("a record of at most %d bytes", rr.maxLine),
			"a quoted field starting here may never close: close it with \", or raise MaxLineBytes")
	}
	rr.raw = append(rr.raw, line...)
	if !utf8.Valid(line) {
		bad := start
		for bad < len(rr.raw) {
			r, n := utf8.DecodeRune(rr.raw[bad:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			bad += n
		}
		return rr.errAt(bad, "", string(rr.raw[bad:min(bad+4, len(rr.raw))]), "UTF-8 text",
			"convert the file to UTF-8 (for example: iconv -f LATIN1 -t UTF-8)")
	}
	return nil
}

// readPhysical returns the next physical line without its line end; the
// slice is valid until the next read.
func (rr *recordReader) readPhysical() ([]byte, error) {
	var line []byte
	for {
		chunk, err := rr.br.ReadSlice('\n')
		if len(line)+len(chunk) > rr.maxLine+2 {
			return nil, &Error{File: rr.file, Line: rr.nextLine,
				Expected: fmt.Sprintf("a line of at most %d bytes", rr.maxLine),
				Hint:     "is this a CSV file? if it is, raise MaxLineBytes"}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			line = append(line, chunk...)
			continue
		}
		if line != nil {
			line = append(line, chunk...)
		} else {
			line = chunk
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s line %d: %w", rr.file, rr.nextLine, err)
		}
		if errors.Is(err, io.EOF) && len(line) == 0 {
			return nil, io.EOF
		}
		break
	}
	rr.nextLine++
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if !rr.started {
		rr.started = true
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	}
	if len(line) > rr.maxLine {
		return nil, &Error{File: rr.file, Line: rr.nextLine - 1,
			Expected: fmt.Sprintf("a line of at most %d bytes", rr.maxLine),
			Hint:     "is this a CSV file? if it is, raise MaxLineBytes"}
	}
	return line, nil
}

// read reads the next record into rr.fields. It returns io.EOF when the input
// has no more records.
func (rr *recordReader) read() error {
	rr.raw = rr.raw[:0]
	rr.buf = rr.buf[:0]
	rr.fields = rr.fields[:0]
	if err := rr.readLine(); err != nil {
		return err
	}
	if bytes.IndexByte(rr.raw, '"') < 0 && rr.splitPlain() {
		return nil
	}
	rr.fields = rr.fields[:0]
	pos := 0
	for {
		if len(rr.fields) >= rr.maxCols {
			return rr.errAt(pos, "", "", fmt.Sprintf("at most %d columns", rr.maxCols), "raise MaxColumns if the file is right")
		}
		if pos < len(rr.raw) && rr.raw[pos] == '"' {
			end, err := rr.quoted(pos)
			if err != nil {
				return err
			}
			pos = end
		} else {
			i := bytes.IndexByte(rr.raw[pos:], rr.comma)
			end := len(rr.raw)
			if i >= 0 {
				end = pos + i
			}
			text := rr.raw[pos:end]
			if q := bytes.IndexByte(text, '"'); q >= 0 {
				return rr.errAt(pos+q, "", string(text), "no quote inside an unquoted field",
					`quote the whole field and double the quotes inside it, as in "say ""hi"""`)
			}
			rr.fields = append(rr.fields, field{text: text, off: pos})
			pos = end
		}
		if pos >= len(rr.raw) {
			return nil
		}
		pos++ // the delimiter
		if pos == len(rr.raw) {
			rr.fields = append(rr.fields, field{text: nil, off: pos})
			return nil
		}
	}
}

// quoted reads the quoted field that starts at rr.raw[start] and returns the
// offset just after it: the delimiter or the end of the record.
func (rr *recordReader) quoted(start int) (int, error) {
	from := len(rr.buf)
	pos := start + 1
	for {
		i := bytes.IndexByte(rr.raw[pos:], '"')
		if i < 0 {
			// The field goes on on the next line.
			rr.buf = append(rr.buf, rr.raw[pos:]...)
			rr.buf = append(rr.buf, '\n')
			rr.raw = append(rr.raw, '\n')
			pos = len(rr.raw)
			if err := rr.readLine(); err != nil {
				if errors.Is(err, io.EOF) {
					return 0, rr.errAt(start, "", string(rr.raw[start:min(start+20, len(rr.raw))]),
						"a closing quote", "the quoted field starting here never ends; close it with \"")
				}
				return 0, err
			}
			continue
		}
		rr.buf = append(rr.buf, rr.raw[pos:pos+i]...)
		pos += i + 1
		if pos < len(rr.raw) && rr.raw[pos] == '"' {
			rr.buf = append(rr.buf, '"')
			pos++
			continue
		}
		if pos < len(rr.raw) && rr.raw[pos] != rr.comma {
			return 0, rr.errAt(pos, "", string(rr.raw[start:min(pos+10, len(rr.raw))]),
				fmt.Sprintf("a delimiter %q after a closing quote", rr.comma),
				`double a quote that is part of the field ("")`)
		}
		rr.fields = append(rr.fields, field{text: rr.buf[from:len(rr.buf):len(rr.buf)], off: start})
		return pos, nil
	}
}

// Bytes of 8-byte words, for finding delimiters a word at a time.
const (
	ones  = 0x0101010101010101
	lows  = 0x7f7f7f7f7f7f7f7f
	highs = 0x8080808080808080
)

// splitPlain splits a record without quotes at every delimiter into
// rr.fields, reading 8 bytes at a time. It reports false, leaving the
// record to the general loop (which names the place), when the record has
// more than rr.maxCols fields.
func (rr *recordReader) splitPlain() bool {
	raw, from := rr.raw, 0
	delims := uint64(rr.comma) * ones
	i := 0
	for ; i+8 <= len(raw); i += 8 {
		x := binary.LittleEndian.Uint64(raw[i:]) ^ delims
		// A byte of x is zero where raw holds the delimiter: adding 0x7f
		// to its low 7 bits sets its high bit unless all 8 are zero, and
		// no carry crosses into the next byte.
		for m := ^((x & lows) + lows | x) & highs; m != 0; m &= m - 1 {
			j := i + bits.TrailingZeros64(m)/8
			rr.fields = append(rr.fields, field{text: raw[from:j], off: from})
			from = j + 1
		}
	}
	for ; i < len(raw); i++ {
		if raw[i] == rr.comma {
			rr.fields = append(rr.fields, field{text: raw[from:i], off: from})
			from = i + 1
		}
	}
	rr.fields = append(rr.fields, field{text: raw[from:], off: from})
	return len(rr.fields) <= rr.maxCols
}
