package main

import (
	"crypto/rand"
	"crypto/sha3"
	"encoding/binary"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"unicode"
	"unicode/utf16"
)

// Functions, variables and types the standard library gained in Go
// 1.23–1.26 that are not generic.
func main() {
	fmt.Printf("%x\n", sha3.Sum256([]byte("abc")))
	h := sha3.New224()
	h.Write([]byte("abc"))
	fmt.Printf("%x\n", h.Sum(nil))

	buf, err := binary.Append(nil, binary.BigEndian, uint32(0x01020304))
	fmt.Println(buf, err)
	var v uint32
	n, err := binary.Decode(buf, binary.BigEndian, &v)
	fmt.Println(n, err, v)

	var flags int32 = 0b0101
	old := atomic.OrInt32(&flags, 0b0010)
	fmt.Println(old, flags, atomic.AndInt32(&flags, 0b0011), flags)

	fmt.Println(utf16.RuneLen('a'), utf16.RuneLen('😀'), unicode.Is(unicode.Cn, 0x0378))

	slog.New(slog.DiscardHandler).Info("dropped")
	fmt.Println(len(rand.Text()) >= 26)

	p, err := filepath.Localize("a/b.txt")
	fmt.Println(p, err)

	dir, err := os.MkdirTemp("", "newstd")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	root, err := os.OpenRoot(dir)
	if err != nil {
		panic(err)
	}
	defer root.Close()
	f, err := root.Create("note.txt")
	if err != nil {
		panic(err)
	}
	f.WriteString("hello")
	f.Close()
	data, err := fs.ReadFile(root.FS(), "note.txt")
	fmt.Println(string(data), err)
	_, err = root.Open("../escape")
	fmt.Println(err != nil)
}
