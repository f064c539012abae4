package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// A model document is the tree of values both file formats decode to and
// encode from. Decoders produce map[string]any for objects, []any for
// generic arrays, string, bool, nil, json.Number (JSON numbers), int64 and
// float32/float64 (UBJSON scalars), and typed slices for UBJSON's typed
// arrays: []float32, []float64, []int32, []int64, []uint8, []int8, []int16.
// Encoders take *object for objects (so output keys keep a fixed order),
// boolArray for default_left (booleans in JSON, uint8 in UBJSON), and the
// same scalar and slice types.

// object is a JSON object whose keys keep their insertion order.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

// set adds or replaces key; a new key goes last.
func (o *object) set(key string, v any) *object {
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
	return o
}

// boolArray is written as JSON booleans and as a UBJSON uint8 typed array,
// the two spellings XGBoost uses for default_left.
type boolArray []bool

// path names a place in a model document for error messages, such as
// learner.gradient_booster.model.trees[3].split_conditions.
type path string

func (p path) key(k string) path { return path(string(p) + "." + k) }
func (p path) index(i int) path  { return path(fmt.Sprintf("%s[%d]", p, i)) }
func (p path) String() string    { return string(p) }
func (p path) errorf(format string, args ...any) error {
	return fmt.Errorf("model file: %s: %s", p, fmt.Sprintf(format, args...))
}

// typeName describes a decoded value's kind for error messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, int64, float32, float64:
		return "a number"
	default:
		return "an array"
	}
}

// getObject returns v as an object.
func getObject(v any, p path) (map[string]any, error) {
	o, ok := v.(map[string]any)
	if !ok {
		return nil, p.errorf("want an object, found %s", typeName(v))
	}
	return o, nil
}

// member returns o[key], an error naming the path when it is absent.
func member(o map[string]any, p path, key string) (any, path, error) {
	v, ok := o[key]
	if !ok {
		return nil, p.key(key), p.errorf("missing field %q", key)
	}
	return v, p.key(key), nil
}

// memberObject returns o[key] as an object.
func memberObject(o map[string]any, p path, key string) (map[string]any, path, error) {
	v, q, err := member(o, p, key)
	if err != nil {
		return nil, q, err
	}
	m, err := getObject(v, q)
	return m, q, err
}

// getString returns v as a string.
func getString(v any, p path) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", p.errorf("want a string, found %s", typeName(v))
	}
	return s, nil
}

// memberString returns o[key] as a string.
func memberString(o map[string]any, p path, key string) (string, error) {
	v, q, err := member(o, p, key)
	if err != nil {
		return "", err
	}
	return getString(v, q)
}

// getInt returns v as an integer; a number with a fraction is refused.
func getInt(v any, p path) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case json.Number:
		i, err := strconv.ParseInt(string(x), 10, 64)
		if err != nil {
			return 0, p.errorf("want an integer, found %s", x)
		}
		return i, nil
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), nil
		}
		return 0, p.errorf("want an integer, found %v", x)
	case float32:
		if float64(x) == math.Trunc(float64(x)) && math.Abs(float64(x)) < 1<<24 {
			return int64(x), nil
		}
		return 0, p.errorf("want an integer, found %v", x)
	}
	return 0, p.errorf("want an integer, found %s", typeName(v))
}

// getFloat32 returns v as a float32, parsing JSON text directly to float32
// so no double rounding happens.
func getFloat32(v any, p path) (float32, error) {
	switch x := v.(type) {
	case float32:
		return x, nil
	case float64:
		return float32(x), nil
	case int64:
		return float32(x), nil
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 32)
		if err != nil {
			return 0, p.errorf("want a number, found %s", x)
		}
		return float32(f), nil
	}
	return 0, p.errorf("want a number, found %s", typeName(v))
}

// intString parses a parameter such as tree_param.num_nodes, which XGBoost
// stores as a decimal string.
func intString(o map[string]any, p path, key string) (int64, error) {
	s, err := memberString(o, p, key)
	if err != nil {
		return 0, err
	}
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, p.key(key).errorf("want an integer in a string, found %q", s)
	}
	return i, nil
}

// arrayLen returns the length of any decoded array, or an error.
func arrayLen(v any, p path) (int, error) {
	switch x := v.(type) {
	case []any:
		return len(x), nil
	case []float32:
		return len(x), nil
	case []float64:
		return len(x), nil
	case []int32:
		return len(x), nil
	case []int64:
		return len(x), nil
	case []uint8:
		return len(x), nil
	case []int8:
		return len(x), nil
	case []int16:
		return len(x), nil
	}
	return 0, p.errorf("want an array, found %s", typeName(v))
}

// getFloat32s returns any decoded array of numbers as []float32.
func getFloat32s(v any, p path) ([]float32, error) {
	switch x := v.(type) {
	case []float32:
		return x, nil
	case []float64:
		out := make([]float32, len(x))
		for i, f := range x {
			out[i] = float32(f)
		}
		return out, nil
	case []any:
		out := make([]float32, len(x))
		for i, e := range x {
			f, err := getFloat32(e, p.index(i))
			if err != nil {
				return nil, err
			}
			out[i] = f
		}
		return out, nil
	}
	ints, err := getInt64s(v, p)
	if err != nil {
		return nil, err
	}
	out := make([]float32, len(ints))
	for i, n := range ints {
		out[i] = float32(n)
	}
	return out, nil
}

// getInt64s returns any decoded array of integers as []int64.
func getInt64s(v any, p path) ([]int64, error) {
	var out []int64
	switch x := v.(type) {
	case []int64:
		return x, nil
	case []int32:
		out = make([]int64, len(x))
		for i, n := range x {
			out[i] = int64(n)
		}
	case []uint8:
		out = make([]int64, len(x))
		for i, n := range x {
			out[i] = int64(n)
		}
	case []int8:
		out = make([]int64, len(x))
		for i, n := range x {
			out[i] = int64(n)
		}
	case []int16:
		out = make([]int64, len(x))
		for i, n := range x {
			out[i] = int64(n)
		}
	case []any:
		out = make([]int64, len(x))
		for i, e := range x {
			n, err := getInt(e, p.index(i))
			if err != nil {
				return nil, err
			}
			out[i] = n
		}
	default:
		return nil, p.errorf("want an array of integers, found %s", typeName(v))
	}
	return out, nil
}

// getInt32s returns any decoded array of integers as []int32, refusing
// values out of int32's range.
func getInt32s(v any, p path) ([]int32, error) {
	if x, ok := v.([]int32); ok {
		return x, nil
	}
	ints, err := getInt64s(v, p)
	if err != nil {
		return nil, err
	}
	out := make([]int32, len(ints))
	for i, n := range ints {
		if n < math.MinInt32 || n > math.MaxInt32 {
			return nil, p.index(i).errorf("%d is out of range for a 32-bit integer", n)
		}
		out[i] = int32(n)
	}
	return out, nil
}

// getBools returns an array of booleans, or of 0/1 integers, as []bool.
func getBools(v any, p path) ([]bool, error) {
	if x, ok := v.([]any); ok {
		out := make([]bool, len(x))
		for i, e := range x {
			if b, ok := e.(bool); ok {
				out[i] = b
				continue
			}
			n, err := getInt(e, p.index(i))
			if err != nil || (n != 0 && n != 1) {
				return nil, p.index(i).errorf("want a boolean or 0/1, found %v", e)
			}
			out[i] = n == 1
		}
		return out, nil
	}
	ints, err := getInt64s(v, p)
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(ints))
	for i, n := range ints {
		if n != 0 && n != 1 {
			return nil, p.index(i).errorf("want a boolean or 0/1, found %d", n)
		}
		out[i] = n == 1
	}
	return out, nil
}

// getStrings returns an array of strings.
func getStrings(v any, p path) ([]string, error) {
	x, ok := v.([]any)
	if !ok {
		if n, err := arrayLen(v, p); err == nil && n == 0 {
			return nil, nil
		}
		return nil, p.errorf("want an array of strings, found %s", typeName(v))
	}
	out := make([]string, len(x))
	for i, e := range x {
		s, err := getString(e, p.index(i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}
