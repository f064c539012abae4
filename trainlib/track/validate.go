package track

import (
	"fmt"
	"io"
	"os"
	"strconv"
)

// formatParams renders parameter values as MLflow strings, refusing what
// MLflow would refuse.
func formatParams(params map[string]any) ([]Tag, error) {
	out := make([]Tag, 0, len(params))
	for _, k := range sortedKeys(params) {
		var s string
		switch v := params[k].(type) {
		case float64:
			s = strconv.FormatFloat(v, 'g', -1, 64)
		case float32:
			s = strconv.FormatFloat(float64(v), 'g', -1, 32)
		case string:
			s = v
		default:
			s = fmt.Sprint(v)
		}
		if k == "" || len(k) > maxKeyLength {
			return nil, fmt.Errorf("mlflow param name %q must have 1 to %d characters", k, maxKeyLength)
		}
		if len(s) > maxParamValue {
			return nil, fmt.Errorf("mlflow param %q has %d characters; MLflow keeps at most %d: log it as an artifact instead", k, len(s), maxParamValue)
		}
		out = append(out, Tag{k, s})
	}
	return out, nil
}

func checkTag(k, v string) error {
	if k == "" || len(k) > maxKeyLength {
		return fmt.Errorf("mlflow tag name %q must have 1 to %d characters", k, maxKeyLength)
	}
	if len(v) > maxTagValue {
		return fmt.Errorf("mlflow tag %q has %d characters; MLflow keeps at most %d: log it as an artifact instead", k, len(v), maxTagValue)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
