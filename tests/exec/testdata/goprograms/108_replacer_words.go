package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

func main() {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("a<b && c>d"))
	sc := bufio.NewScanner(strings.NewReader("the quick  brown\nfox jumps the"))
	sc.Split(bufio.ScanWords)
	counts := map[string]int{}
	for sc.Scan() {
		counts[sc.Text()]++
	}
	fmt.Println(counts, len(counts))
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.WriteByte('w')
	fmt.Fprintf(&buf, "orld %d", 42)
	buf.WriteRune('é')
	fmt.Println(buf.String(), buf.Len())
	line, err := buf.ReadString(' ')
	fmt.Printf("%q %v %q\n", line, err, buf.String())
}
