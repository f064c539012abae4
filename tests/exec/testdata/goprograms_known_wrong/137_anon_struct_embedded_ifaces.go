package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// An anonymous struct embedding compiled interfaces, converted to an
// interface: the interpreter does not find the promoted Read (README
// known limits); a named struct type works.
func main() {
	var rw io.ReadWriter = struct {
		io.Reader
		io.Writer
	}{strings.NewReader("abc\n"), os.Stdout}
	data, err := io.ReadAll(rw)
	fmt.Println(len(data), err)
	rw.Write(data)
}
