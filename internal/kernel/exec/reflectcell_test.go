package exec

import (
	"strings"
	"testing"
)

// reflect.TypeOf of a value of a cell struct type, or a pointer to one,
// answers the type's name, its fields' names (unexported ones as
// written, not yaegi's Xname) and their written tags (not the kernel's
// json:"-"), as Go does (reflecttype.go); reflect.New and the other
// functions taking a Type still take it, and encoding/json still skips
// unexported fields.
func TestReflectTypeOfCellStruct(t *testing.T) {
	runCells(t, `import ("encoding/json"; "fmt"; "reflect")
type Config struct {
	Host    string `+"`json:\"host\" env:\"HOST\"`"+`
	Port    int    `+"`json:\"port,omitempty\"`"+`
	secret  string
	retries int `+"`json:\"-\"`"+`
}`, []struct{ cell, want string }{
		{`t := reflect.TypeOf(Config{})
fmt.Println(t.Name(), t.String(), t.Kind(), t.NumField(), t.PkgPath())
for i := 0; i < t.NumField(); i++ {
	f := t.Field(i)
	fmt.Printf("%s %v %q %q %v\n", f.Name, f.Type, f.Tag.Get("json"), f.Tag.Get("env"), f.IsExported())
}`, "Config main.Config struct 4 main\nHost string \"host\" \"HOST\" true\nPort int \"port,omitempty\" \"\" true\nsecret string \"\" \"\" false\nretries int \"-\" \"\" false\n"},
		{`c := Config{"h", 80, "s", 3}
pt := reflect.TypeOf(&c)
f, ok := reflect.TypeOf(c).FieldByName("secret")
fmt.Println(pt.Kind(), pt.String(), pt.Name() == "", pt.Elem().Name(), pt.Elem().Field(2).Name, f.Name, ok, f.PkgPath)`, "ptr *main.Config true Config secret secret true main\n"},
		{`c := Config{"h", 80, "s", 3}
fmt.Println(reflect.TypeOf(c) == reflect.TypeOf(Config{}))
b, _ := json.Marshal(c)
nv := reflect.New(reflect.TypeOf(c)).Elem()
nv.Field(0).SetString("x")
s := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(c)), 2, 2)
fmt.Println(string(b), nv.Field(0).String(), s.Len())`, "true\n{\"host\":\"h\",\"port\":80} x 2\n"},
	})
}

// The Type() of a reflect.Value of a cell struct type cannot be given
// Go's name and fields: a cell calling it with reflect.ValueOf of such a
// value is warned, once, at the call, with the workaround.
func TestReflectValueTypeOfCellStructWarns(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `type Item struct {
	ID   int
	note string
}`)
	_, r := mustRun(t, s, `import ("fmt"; "reflect")
v := reflect.ValueOf(Item{1, "n"})
w := reflect.ValueOf(&Item{2, "m"}).Elem()
fmt.Println(v.Type().Kind(), w.Field(0).Int())`)
	if got := r.text("stdout"); got != "struct 2\n" {
		t.Errorf("printed %q", got)
	}
	stderr := r.text("stderr")
	want := `warning: cell:2:6: reflect: the Type() of a reflect.Value of main.Item, a struct type declared in a cell, has no name in this interpreter and spells unexported fields exported (note as Xnote, tagged json:"-"); use reflect.TypeOf on the main.Item value for its name, fields and tags`
	if !strings.Contains(stderr, want) || strings.Count(stderr, "warning:") != 1 {
		t.Errorf("stderr %q, want one warning %q", stderr, want)
	}
	if _, r := mustRun(t, s, `fmt.Println(reflect.ValueOf(Item{3, ""}).Field(0).Int())`); r.text("stderr") != "" {
		t.Errorf("a cell not calling Type() was warned: %q", r.text("stderr"))
	}
}

// A struct of exported, untagged fields has its fields right in a
// reflect.Value's Type(): reading them (the laws of reflection:
// `typeOfT := s.Type(); typeOfT.Field(i).Name`) is not warned; reading
// the Type's name (printing it) still is.
func TestReflectValueTypeFieldsOfExportedStructNotWarned(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import ("fmt"; "reflect")
type T struct {
	A int
	B string
}
t := T{23, "skidoo"}
s := reflect.ValueOf(&t).Elem()
typeOfT := s.Type()
for i := 0; i < s.NumField(); i++ {
	fmt.Printf("%d: %s %s = %v\n", i, typeOfT.Field(i).Name, s.Field(i).Type(), s.Field(i).Interface())
}`)
	if got := r.text("stdout"); got != "0: A int = 23\n1: B string = skidoo\n" || r.text("stderr") != "" {
		t.Fatalf("printed %q, stderr %q (want no warning)", got, r.text("stderr"))
	}
	_, r = mustRun(t, s, `u := reflect.ValueOf(t)
ut := u.Type()
fmt.Println(ut.NumField())
fmt.Println(ut)`)
	if !strings.Contains(r.text("stderr"), "warning: cell:1:6: reflect: the Type() of a reflect.Value of main.T") {
		t.Errorf("printing the Type was not warned: stderr %q", r.text("stderr"))
	}
}

// reflect.TypeOf of a value held in an interface answers the
// interpreter's type when the value is of a cell type (`struct { Name
// string }`, `float64`, where Go says main.User, main.Celsius): such a
// call is warned at its place, naming the cell types the interface can
// hold, while the session declares none it is not (it answered
// silently before).
func TestReflectTypeOfInterfaceWarnsWhenCellTypesFit(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import ("fmt"; "reflect")
var v any = 4
fmt.Println(reflect.TypeOf(v))`)
	if got := r.text("stdout"); got != "int\n" || r.text("stderr") != "" {
		t.Fatalf("printed %q, stderr %q (no cell type: no warning)", got, r.text("stderr"))
	}
	mustRun(t, s, `type User struct{ Name string }
type Celsius float64
func (c Celsius) String() string { return fmt.Sprint(float64(c), "C") }`)
	_, r = mustRun(t, s, `var st fmt.Stringer = Celsius(3)
fmt.Println(reflect.TypeOf(v), reflect.TypeOf(st) != nil)
u := User{"a"}
fmt.Println(reflect.TypeOf(u))`)
	if got := r.text("stdout"); got != "int true\nmain.User\n" {
		t.Errorf("printed %q", got)
	}
	stderr := r.text("stderr")
	for _, want := range []string{
		"warning: cell:2:13: reflect: reflect.TypeOf of a value held in an interface (any): when it holds a value of a type declared in a cell (main.Celsius, main.User), this interpreter answers its own type",
		"warning: cell:2:32: reflect: reflect.TypeOf of a value held in an interface (fmt.Stringer): when it holds a value of a type declared in a cell (main.Celsius),",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q, want %q", stderr, want)
		}
	}
	if strings.Count(stderr, "warning:") != 2 {
		t.Errorf("stderr %q, want two warnings (none for the User variable)", stderr)
	}
}
