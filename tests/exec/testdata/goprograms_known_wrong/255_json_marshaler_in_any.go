package main

// encoding/json does not see a MarshalJSON method declared in a cell.
// A call whose argument's type reaches such a method is refused, but a
// value held in an `any` (a map[string]interface{}, Effective Go's
// RawMessage) is not seen by the check: it is encoded as the
// interpreter holds it ({} here), silently.

import (
	"encoding/json"
	"fmt"
)

type RawMessage []byte

func (m RawMessage) MarshalJSON() ([]byte, error) { return m, nil }

func main() {
	b, err := json.Marshal(map[string]interface{}{"raw": RawMessage(`{"a":1}`)})
	fmt.Println(string(b), err)
}
