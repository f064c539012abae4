package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MarshalJSON and UnmarshalJSON of a cell type are not seen by
// encoding/json (README known limits): the value is encoded as its
// underlying type.
type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"low", "mid", "high"}[l])
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*l = Level(strings.Index("lmh", s[:1]))
	return nil
}

type Task struct {
	Name  string `json:"name"`
	Level Level  `json:"level"`
}

func main() {
	b, err := json.Marshal(Task{"build", 2})
	fmt.Println(string(b), err)
	var t Task
	fmt.Println(json.Unmarshal([]byte(`{"name":"x","level":"mid"}`), &t), t.Level)
}
