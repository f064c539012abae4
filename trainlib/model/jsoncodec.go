package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// decodeJSON parses an XGBoost JSON model document. Numbers stay as
// json.Number so floats parse straight to float32. Syntax errors name the
// line and column.
func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := lineCol(b, se.Offset)
			return nil, fmt.Errorf("model file: JSON syntax error at line %d column %d: %v", line, col, se)
		case errors.As(err, &te):
			line, col := lineCol(b, te.Offset)
			return nil, fmt.Errorf("model file: JSON error at line %d column %d: %v", line, col, te)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return nil, fmt.Errorf("model file: JSON ends early (truncated file?) after %d bytes", len(b))
		}
		return nil, fmt.Errorf("model file: %w", err)
	}
	if d.More() {
		line, col := lineCol(b, d.InputOffset())
		return nil, fmt.Errorf("model file: unexpected data after the JSON document at line %d column %d", line, col)
	}
	return v, nil
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	before := b[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// encodeJSON writes a model document as compact JSON, the way XGBoost
// writes it: every float has a '.' or an exponent so that no reader takes
// it for an integer.
func encodeJSON(w io.Writer, v any) error {
	bw := bufio.NewWriter(w)
	e := jsonEncoder{w: bw}
	e.value(v)
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

type jsonEncoder struct {
	w   *bufio.Writer
	err error
	buf []byte
}

func (e *jsonEncoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *jsonEncoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *jsonEncoder) value(v any) {
	switch x := v.(type) {
	case nil:
		e.raw("null")
	case *object:
		e.raw("{")
		for i, k := range x.keys {
			if i > 0 {
				e.raw(",")
			}
			e.str(k)
			e.raw(":")
			e.value(x.vals[k])
		}
		e.raw("}")
	case []any:
		e.raw("[")
		for i, el := range x {
			if i > 0 {
				e.raw(",")
			}
			e.value(el)
		}
		e.raw("]")
	case string:
		e.str(x)
	case bool:
		e.raw(strconv.FormatBool(x))
	case int:
		e.raw(strconv.Itoa(x))
	case int64:
		e.raw(strconv.FormatInt(x, 10))
	case float32:
		e.float(x)
	case []float32:
		writeList(e, len(x), func(i int) { e.float(x[i]) })
	case []int32:
		writeList(e, len(x), func(i int) { e.raw(strconv.FormatInt(int64(x[i]), 10)) })
	case []int64:
		writeList(e, len(x), func(i int) { e.raw(strconv.FormatInt(x[i], 10)) })
	case []uint8:
		writeList(e, len(x), func(i int) { e.raw(strconv.Itoa(int(x[i]))) })
	case []int8:
		writeList(e, len(x), func(i int) { e.raw(strconv.Itoa(int(x[i]))) })
	case boolArray:
		writeList(e, len(x), func(i int) { e.raw(strconv.FormatBool(x[i])) })
	default:
		if e.err == nil {
			e.err = fmt.Errorf("model: cannot encode %T as JSON", v)
		}
	}
}

func writeList(e *jsonEncoder, n int, item func(int)) {
	e.raw("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			e.raw(",")
		}
		item(i)
	}
	e.raw("]")
}

func (e *jsonEncoder) str(s string) {
	b, err := json.Marshal(s)
	if err != nil && e.err == nil {
		e.err = err
	}
	e.bytes(b)
}

// float writes the shortest decimal that reads back as the same float32,
// with a '.' or exponent always present. JSON has no NaN or infinity, so
// those are refused.
func (e *jsonEncoder) float(f float32) {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		if e.err == nil {
			e.err = fmt.Errorf("model: cannot write %v in a JSON model file", f)
		}
		return
	}
	e.raw(formatFloat32(f))
}

// formatFloat32 spells f as a JSON number that always reads as a float.
func formatFloat32(f float32) string {
	s := strconv.FormatFloat(float64(f), 'g', -1, 32)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}
