package main

import (
	"bufio"
	"bytes"
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
	o := outer{inner{&sb}, "t"}
	fmt.Fprint(o, "deep")
	fmt.Println(sb.String())
}
