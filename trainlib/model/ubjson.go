package model

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// UBJSON (https://ubjson.org) as XGBoost reads and writes it: big-endian
// scalars, objects and arrays with optional counts, and typed arrays
// ("[$d#L…") for the node arrays of each tree. The decoder works on a byte
// slice so every count is checked against the bytes left before anything
// is allocated.

// maxDepth bounds the nesting of containers a decoder accepts; XGBoost's
// documents nest six deep.
const maxDepth = 64

// decodeUBJ parses a UBJSON model document. Errors name the byte offset.
func decodeUBJ(b []byte) (any, error) {
	d := ubjDecoder{b: b}
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	if d.pos != len(b) {
		return nil, d.errorf("unexpected data after the document (%d bytes)", len(b)-d.pos)
	}
	return v, nil
}

type ubjDecoder struct {
	b   []byte
	pos int
}

func (d *ubjDecoder) errorf(format string, args ...any) error {
	return fmt.Errorf("model file: UBJSON at byte %d: %s", d.pos, fmt.Sprintf(format, args...))
}

func (d *ubjDecoder) next(n int) ([]byte, error) {
	if n < 0 || len(d.b)-d.pos < n {
		return nil, d.errorf("file ends early (truncated?): need %d bytes, %d left", n, len(d.b)-d.pos)
	}
	s := d.b[d.pos : d.pos+n]
	d.pos += n
	return s, nil
}

// marker reads one type marker, skipping no-ops.
func (d *ubjDecoder) marker() (byte, error) {
	for {
		s, err := d.next(1)
		if err != nil {
			return 0, err
		}
		if s[0] != 'N' {
			return s[0], nil
		}
	}
}

// size returns the byte width of a fixed-size scalar type, or 0.
func size(t byte) int {
	switch t {
	case 'i', 'U', 'C':
		return 1
	case 'I':
		return 2
	case 'l', 'd':
		return 4
	case 'L', 'D':
		return 8
	}
	return 0
}

// integer reads an integer of type t.
func (d *ubjDecoder) integer(t byte) (int64, error) {
	n := size(t)
	if n == 0 || t == 'd' || t == 'D' || t == 'C' {
		return 0, d.errorf("want an integer type marker, found %q", t)
	}
	s, err := d.next(n)
	if err != nil {
		return 0, err
	}
	switch t {
	case 'i':
		return int64(int8(s[0])), nil
	case 'U':
		return int64(s[0]), nil
	case 'I':
		return int64(int16(binary.BigEndian.Uint16(s))), nil
	case 'l':
		return int64(int32(binary.BigEndian.Uint32(s))), nil
	default:
		return int64(binary.BigEndian.Uint64(s)), nil
	}
}

// count reads a length: an integer marker and value, at most what is left.
func (d *ubjDecoder) count(elemSize int) (int, error) {
	t, err := d.marker()
	if err != nil {
		return 0, err
	}
	n, err := d.integer(t)
	if err != nil {
		return 0, err
	}
	if elemSize < 1 {
		elemSize = 1
	}
	if n < 0 {
		return 0, d.errorf("negative count %d", n)
	}
	if n > int64(len(d.b)-d.pos)/int64(elemSize) {
		return 0, d.errorf("count %d is larger than the rest of the file (%d bytes): the file ends early (truncated?)", n, len(d.b)-d.pos)
	}
	return int(n), nil
}

func (d *ubjDecoder) str() (string, error) {
	n, err := d.count(1)
	if err != nil {
		return "", err
	}
	s, err := d.next(n)
	return string(s), err
}

func (d *ubjDecoder) value(depth int) (any, error) {
	t, err := d.marker()
	if err != nil {
		return nil, err
	}
	return d.valueOf(t, depth)
}

func (d *ubjDecoder) valueOf(t byte, depth int) (any, error) {
	switch t {
	case 'Z':
		return nil, nil
	case 'T':
		return true, nil
	case 'F':
		return false, nil
	case 'i', 'U', 'I', 'l', 'L':
		return d.integer(t)
	case 'd':
		s, err := d.next(4)
		if err != nil {
			return nil, err
		}
		return math.Float32frombits(binary.BigEndian.Uint32(s)), nil
	case 'D':
		s, err := d.next(8)
		if err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.BigEndian.Uint64(s)), nil
	case 'C':
		s, err := d.next(1)
		if err != nil {
			return nil, err
		}
		return string(s), nil
	case 'S', 'H':
		return d.str()
	case '[':
		if depth >= maxDepth {
			return nil, d.errorf("containers nest deeper than %d", maxDepth)
		}
		return d.array(depth + 1)
	case '{':
		if depth >= maxDepth {
			return nil, d.errorf("containers nest deeper than %d", maxDepth)
		}
		return d.object(depth + 1)
	}
	d.pos--
	return nil, d.errorf("unknown type marker %q", t)
}

// header reads the optional "$type" and "#count" after '[' or '{'.
// n is -1 when the container has no count.
func (d *ubjDecoder) header() (typ byte, n int, err error) {
	n = -1
	if d.pos < len(d.b) && d.b[d.pos] == '$' {
		d.pos++
		s, err := d.next(1)
		if err != nil {
			return 0, 0, err
		}
		typ = s[0]
		if d.pos >= len(d.b) || d.b[d.pos] != '#' {
			return 0, 0, d.errorf("a typed container needs a count ('#') after '$%c'", typ)
		}
	}
	if d.pos < len(d.b) && d.b[d.pos] == '#' {
		d.pos++
		n, err = d.count(max(size(typ), 1))
		if err != nil {
			return 0, 0, err
		}
	}
	return typ, n, nil
}

func (d *ubjDecoder) array(depth int) (any, error) {
	typ, n, err := d.header()
	if err != nil {
		return nil, err
	}
	if typ != 0 {
		return d.typedArray(typ, n, depth)
	}
	var out []any
	if n >= 0 {
		out = make([]any, 0, n)
	}
	for i := 0; n < 0 || i < n; i++ {
		t, err := d.marker()
		if err != nil {
			return nil, err
		}
		if n < 0 && t == ']' {
			break
		}
		v, err := d.valueOf(t, depth)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// typedArray reads n values of one type; numeric types become Go slices.
func (d *ubjDecoder) typedArray(typ byte, n, depth int) (any, error) {
	w := size(typ)
	var raw []byte
	if w > 0 {
		var err error
		if raw, err = d.next(n * w); err != nil {
			return nil, err
		}
	}
	switch typ {
	case 'd':
		out := make([]float32, n)
		for i := range out {
			out[i] = math.Float32frombits(binary.BigEndian.Uint32(raw[4*i:]))
		}
		return out, nil
	case 'D':
		out := make([]float64, n)
		for i := range out {
			out[i] = math.Float64frombits(binary.BigEndian.Uint64(raw[8*i:]))
		}
		return out, nil
	case 'U':
		return append([]uint8(nil), raw...), nil
	case 'i':
		out := make([]int8, n)
		for i := range out {
			out[i] = int8(raw[i])
		}
		return out, nil
	case 'I':
		out := make([]int16, n)
		for i := range out {
			out[i] = int16(binary.BigEndian.Uint16(raw[2*i:]))
		}
		return out, nil
	case 'l':
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(binary.BigEndian.Uint32(raw[4*i:]))
		}
		return out, nil
	case 'L':
		out := make([]int64, n)
		for i := range out {
			out[i] = int64(binary.BigEndian.Uint64(raw[8*i:]))
		}
		return out, nil
	}
	out := make([]any, 0, n)
	for i := 0; i < n; i++ {
		v, err := d.valueOf(typ, depth)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (d *ubjDecoder) object(depth int) (any, error) {
	typ, n, err := d.header()
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for i := 0; n < 0 || i < n; i++ {
		if n < 0 {
			if d.pos >= len(d.b) {
				return nil, d.errorf("file ends inside an object (truncated?)")
			}
			if d.b[d.pos] == '}' {
				d.pos++
				break
			}
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		var v any
		if typ != 0 {
			v, err = d.valueOf(typ, depth)
		} else {
			v, err = d.value(depth)
		}
		if err != nil {
			return nil, fmt.Errorf("%w (in field %q)", err, k)
		}
		out[k] = v
	}
	return out, nil
}

// encodeUBJ writes a model document as UBJSON the way XGBoost does: objects
// with '}' terminators and int64 key lengths, arrays with counts, typed
// arrays for numeric slices, float32 numbers.
func encodeUBJ(w io.Writer, v any) error {
	bw := bufio.NewWriter(w)
	e := ubjEncoder{w: bw}
	e.value(v)
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

type ubjEncoder struct {
	w       *bufio.Writer
	err     error
	scratch [8]byte
}

func (e *ubjEncoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *ubjEncoder) byte1(c byte) { e.bytes([]byte{c}) }

func (e *ubjEncoder) u32(v uint32) {
	binary.BigEndian.PutUint32(e.scratch[:4], v)
	e.bytes(e.scratch[:4])
}

func (e *ubjEncoder) u64(v uint64) {
	binary.BigEndian.PutUint64(e.scratch[:8], v)
	e.bytes(e.scratch[:8])
}

// length writes a count or string length as 'L' and an int64.
func (e *ubjEncoder) length(n int) {
	e.byte1('L')
	e.u64(uint64(n))
}

// integer writes n with the smallest signed integer marker that holds it.
func (e *ubjEncoder) integer(n int64) {
	switch {
	case n >= math.MinInt8 && n <= math.MaxInt8:
		e.bytes([]byte{'i', byte(int8(n))})
	case n >= math.MinInt16 && n <= math.MaxInt16:
		e.byte1('I')
		binary.BigEndian.PutUint16(e.scratch[:2], uint16(n))
		e.bytes(e.scratch[:2])
	case n >= math.MinInt32 && n <= math.MaxInt32:
		e.byte1('l')
		e.u32(uint32(n))
	default:
		e.byte1('L')
		e.u64(uint64(n))
	}
}

func (e *ubjEncoder) str(s string) {
	e.length(len(s))
	e.bytes([]byte(s))
}

// typed writes the header of a typed array of n elements of type t.
func (e *ubjEncoder) typed(t byte, n int) {
	e.bytes([]byte{'[', '$', t, '#'})
	e.length(n)
}

func (e *ubjEncoder) value(v any) {
	switch x := v.(type) {
	case nil:
		e.byte1('Z')
	case bool:
		if x {
			e.byte1('T')
		} else {
			e.byte1('F')
		}
	case int:
		e.integer(int64(x))
	case int64:
		e.integer(x)
	case float32:
		e.byte1('d')
		e.u32(math.Float32bits(x))
	case string:
		e.byte1('S')
		e.str(x)
	case *object:
		e.byte1('{')
		for _, k := range x.keys {
			e.str(k)
			e.value(x.vals[k])
		}
		e.byte1('}')
	case []any:
		e.bytes([]byte{'[', '#'})
		e.length(len(x))
		for _, el := range x {
			e.value(el)
		}
	case []float32:
		e.typed('d', len(x))
		for _, f := range x {
			e.u32(math.Float32bits(f))
		}
	case []int32:
		e.typed('l', len(x))
		for _, n := range x {
			e.u32(uint32(n))
		}
	case []int64:
		e.typed('L', len(x))
		for _, n := range x {
			e.u64(uint64(n))
		}
	case []uint8:
		e.typed('U', len(x))
		e.bytes(x)
	case []int8:
		e.typed('i', len(x))
		for _, n := range x {
			e.byte1(byte(n))
		}
	case boolArray:
		e.typed('U', len(x))
		for _, b := range x {
			if b {
				e.byte1(1)
			} else {
				e.byte1(0)
			}
		}
	default:
		if e.err == nil {
			e.err = fmt.Errorf("model: cannot encode %T as UBJSON", v)
		}
	}
}
