package main

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"hash/crc32"
	"os"
	"strings"
)

type Header struct {
	Magic   uint32
	Version uint16
	Flags   uint16
}

func main() {
	r := csv.NewReader(strings.NewReader("name,qty\n\"a, b\",3\nc,4\n"))
	recs, err := r.ReadAll()
	fmt.Println(recs, err, len(recs))
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"x", "y,z", `q"t`})
	w.Flush()
	var buf bytes.Buffer
	binary.Write(&buf, binary.LittleEndian, Header{0xCAFEBABE, 2, 7})
	fmt.Printf("% x\n", buf.Bytes())
	var h Header
	binary.Read(bytes.NewReader(buf.Bytes()), binary.LittleEndian, &h)
	fmt.Printf("%+v\n", h)
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, 0x01020304)
	fmt.Println(b, binary.BigEndian.Uint16(b[1:]))
	fmt.Println(crc32.ChecksumIEEE([]byte("hello")))
	tab := crc32.MakeTable(crc32.Castagnoli)
	fmt.Printf("%08x\n", crc32.Checksum([]byte("hello"), tab))
	vb := binary.AppendUvarint(nil, 300)
	v, n := binary.Uvarint(vb)
	fmt.Println(vb, v, n)
}
