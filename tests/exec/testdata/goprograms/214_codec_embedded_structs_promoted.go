package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

// encoding/json and encoding/xml promote the fields of structs embedded
// in cell struct types, as Go does: by value, by pointer, two levels
// deep, in slices and maps, with an outer field shadowing an embedded
// one, beside an embedded field named by its tag (nested) and an
// embedded non-struct type; decoding fills the promoted fields. An
// unexported field is left out by encoding/xml as by encoding/json.

type Base struct {
	ID      int    `json:"id" xml:"id,attr"`
	Created string `json:"created,omitempty" xml:"created"`
	secret  string
}

type Audit struct {
	Base
	By string `json:"by" xml:"by"`
}

type Note struct {
	Title string `json:"title" xml:"title"`
	Audit
	*Extra
	By string `json:"by_outer" xml:"byOuter"`
}

type Extra struct {
	Score float64 `json:"score"`
	Kind  string  `json:"kind"`
}

type Rec struct {
	XMLName xml.Name `xml:"rec"`
	Base
	By string `xml:"by"`
}

type Label string

type Tagged struct {
	Label
	Base `json:"base"`
	N    int
}

func main() {
	n := Note{Title: "t", Audit: Audit{Base: Base{ID: 1, Created: "now", secret: "s"}, By: "ann"}, By: "bo"}
	b, err := json.Marshal(n)
	fmt.Println(string(b), err)
	n.Extra = &Extra{Score: 0.5, Kind: "k"}
	b, _ = json.MarshalIndent([]Note{n}, "", " ")
	fmt.Println(string(b))
	var back Note
	err = json.Unmarshal([]byte(`{"title":"x","id":7,"created":"then","by":"cy","by_outer":"di","score":2,"kind":"q"}`), &back)
	fmt.Println(err, back.Title, back.ID, back.Created, back.Audit.By, back.By, back.Extra != nil && back.Score == 2, back.Kind)
	var m map[string]Audit
	err = json.NewDecoder(strings.NewReader(`{"a":{"id":3,"by":"ed"}}`)).Decode(&m)
	fmt.Println(err, m["a"].ID, m["a"].By)
	json.NewEncoder(os.Stdout).Encode(map[string][]Audit{"x": {{Base{ID: 4}, "fi"}}})
	t := Tagged{Label: "l", Base: Base{ID: 9}, N: 2}
	b, _ = json.Marshal(t)
	fmt.Println(string(b))
	x, err := xml.Marshal(Rec{Base: Base{ID: 5, Created: "c"}, By: "gu"})
	fmt.Println(string(x), err)
	var ab Rec
	err = xml.Unmarshal([]byte(`<rec id="6"><created>d</created><by>ha</by></rec>`), &ab)
	fmt.Println(err, ab.ID, ab.Created, ab.By)
	var buf bytes.Buffer
	xml.NewEncoder(&buf).Encode(ab)
	fmt.Println(buf.String())
}
