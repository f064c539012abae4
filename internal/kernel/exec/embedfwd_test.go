package exec

import "testing"

// A cell struct embedding a field of a compiled type has the methods Go
// promotes from it wherever compiled code takes it as an interface
// (embedfwd.go): an embedded io.Reader read by bufio.Scanner ("method not
// found: Read" before), an embedded *bytes.Buffer written by fmt.Fprintf
// and printed with its String (a reflect error before), a pointer to a
// struct embedding strings.Builder as an io.Writer ("cannot use type
// *main.counter as type io.Writer" before), http.ResponseWriter with one
// method overridden, a field embedded two levels down, and an embedded
// error keeping its Error.
func TestMethodsPromotedFromCompiledEmbeddedFields(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

type logReader struct {
	io.Reader
	name string
}

type myBuf struct{ *bytes.Buffer }

type counter struct {
	strings.Builder
	writes int
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

type inner struct{ io.Writer }
type outer struct {
	inner
	tag string
}

type codeErr struct {
	error
	code int
}

func main() {
	sc := bufio.NewScanner(logReader{strings.NewReader("a\nb\n"), "x"})
	for sc.Scan() {
		fmt.Print(sc.Text(), ";")
	}
	fmt.Println()
	var b bytes.Buffer
	fmt.Fprintf(myBuf{&b}, "x%d", 1)
	fmt.Println(b.String(), myBuf{&b})
	c := &counter{}
	fmt.Fprintf(c, "y%d", 2)
	c.WriteString("z")
	fmt.Println(c.String(), c.Len())
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
		io.WriteString(w, "short and stout")
	})
	rec := httptest.NewRecorder()
	sw := &statusWriter{ResponseWriter: rec, status: 200}
	h.ServeHTTP(sw, httptest.NewRequest("GET", "/", nil))
	fmt.Println(sw.status, rec.Code, rec.Body.String())
	var sb strings.Builder
	fmt.Fprint(outer{inner{&sb}, "t"}, "deep")
	fmt.Println(sb.String())
	var err error = codeErr{errors.New("disk full"), 507}
	fmt.Println(err)
}`)
	want := "a;b;\nx1 x1\ny2z 3\n418 418 short and stout\ndeep\ndisk full\n"
	if got := r.text("stdout"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
