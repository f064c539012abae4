package exec

import (
	"strings"
	"testing"
)

// encoding/json and encoding/xml never call the encoding methods of a
// type declared in a cell: a call that would need one is refused at the
// call, naming the type and the method; one that needs none runs.
func TestEncodingCallsNeedingCellMethodsAreRefused(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

type Level int

func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal("high") }

func (l *Level) UnmarshalJSON(b []byte) error { *l = 2; return nil }

type Task struct {
	Name  string
	Level Level
}

type Color struct{ R, G, B uint8 }

func (c Color) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)), nil }

type Celsius float64

func (c Celsius) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(fmt.Sprintf("%.1f", float64(c)), start)
}

type Plain struct {
	Name string
	Tags []string
}`)
	for _, c := range []struct{ code, want string }{
		{`b, err := json.Marshal(Task{"build", 2})
fmt.Println(string(b), err)`, "cell:1:11: encoding/json cannot call the MarshalJSON method of main.Level"},
		{`var t Task
fmt.Println(json.Unmarshal([]byte("{}"), &t))`, "cell:2:13: encoding/json cannot call the UnmarshalJSON method of main.Level"},
		{`json.NewEncoder(os.Stdout).Encode(map[string][]Color{"a": {{1, 2, 3}}})`, "cell:1:1: encoding/json cannot call the MarshalText method of main.Color"},
		{`var ts []*Task
_ = json.NewDecoder(strings.NewReader("[]")).Decode(&ts)`, "cell:2:5: encoding/json cannot call the UnmarshalJSON method of main.Level"},
		{`out, _ := xml.Marshal(struct{ T Celsius }{21.5})
fmt.Println(string(out))`, "cell:1:11: encoding/xml cannot call the MarshalXML method of main.Celsius"},
	} {
		res, _ := run(t, s, c.code)
		if res.Err == nil {
			t.Errorf("%s\nran; want it refused", c.code)
			continue
		}
		if msg := res.Err.Value; !strings.Contains(msg, c.want) || !strings.Contains(msg, "Call the method yourself") {
			t.Errorf("%s\nrefused with %q; want %q and the workaround", c.code, msg, c.want)
		}
	}
	_, r := mustRun(t, s, `b, _ := json.Marshal(Plain{"p", []string{"x"}})
var back Plain
fmt.Println(string(b), json.Unmarshal(b, &back), back.Tags)`)
	if got, want := r.text("stdout"), "{\"Name\":\"p\",\"Tags\":[\"x\"]} <nil> [x]\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// encoding/json and encoding/xml would see a struct embedded in a cell
// struct type as a field (the interpreter's struct types carry no
// embedding): the kernel passes such values through the runtime's
// Embedded, so the fields are promoted and decoded as in Go (the
// corpus's 207 and 214 compare whole programs with go run). Where it
// cannot (an embedded compiled type with methods, a type holding
// itself), the call is refused, naming the type, the embedded field and
// the workaround.
func TestEncodingCallsOfEmbeddedStructs(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
)

type Meta struct {
	Tags []string `+"`json:\"tags\" xml:\"tag\"`"+`
}

type Item struct {
	ID int `+"`json:\"id\" xml:\"id\"`"+`
	Meta
}

type Locked struct {
	sync.Mutex
	N int
}

type Node struct {
	Meta
	Kids []Node
}`)
	for _, c := range []struct{ code, want string }{
		{`b, err := json.Marshal(Locked{N: 1})
fmt.Println(string(b), err)`, "cell:1:11: encoding/json would nest the fields of Mutex, embedded in main.Locked (declared in a cell), under \"Mutex\" instead of promoting them as Go does, and the kernel cannot correct it: sync.Mutex has methods. Spell "},
		{`var n Node
_ = xml.NewDecoder(strings.NewReader("<a/>")).Decode(&n)`, "cell:2:5: encoding/xml would nest the fields of Meta, embedded in main.Node (declared in a cell), under \"Meta\" instead of promoting them as Go does, and the kernel cannot correct it: main.Node holds itself. Spell "},
	} {
		res, _ := run(t, s, c.code)
		if res.Err == nil {
			t.Errorf("%s\nran; want it refused", c.code)
			continue
		}
		if msg := res.Err.Value; !strings.Contains(msg, c.want) {
			t.Errorf("%s\nrefused with %q; want %q", c.code, msg, c.want)
		}
	}
	_, r := mustRun(t, s, `items := []*Item{{ID: 1, Meta: Meta{[]string{"a"}}}}
b, _ := json.Marshal(items)
var back map[string]Item
err := json.Unmarshal([]byte(`+"`"+`{"k":{"id":2,"tags":["x","y"]}}`+"`"+`), &back)
fmt.Println(string(b), err, back["k"].ID, back["k"].Tags)
var x struct {
	XMLName xml.Name `+"`xml:\"item\"`"+`
	Item
}
err = xml.Unmarshal([]byte("<item><id>3</id><tag>p</tag><tag>q</tag></item>"), &x)
fmt.Println(x.ID, x.Tags, err)`)
	if got, want := r.text("stdout"), "[{\"id\":1,\"tags\":[\"a\"]}] <nil> 2 [x y]\n3 [p q] <nil>\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	// Held in an any, the value is looked at when the cell runs.
	_, r = mustRun(t, s, `var v any = Item{ID: 4, Meta: Meta{[]string{"z"}}}
b, _ = json.Marshal(v)
fmt.Println(string(b))`)
	if got, want := r.text("stdout"), "{\"id\":4,\"tags\":[\"z\"]}\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	res, _ := run(t, s, `var n any = Node{}
json.Marshal(n)`)
	if res.Err == nil || !strings.Contains(res.Err.Value, "a type holding itself cannot be rebuilt): spell the embedded type's fields out") {
		t.Errorf("a Node in an any: got %v, want the cell to fail saying why", res.Err)
	}
}
