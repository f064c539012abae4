package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"
)

type point struct{ x, y int }

func main() {
	p := point{1, 2}
	fmt.Printf("struct1: %v\n", p)
	fmt.Printf("struct2: %+v\n", p)
	fmt.Printf("struct3: %#v\n", p)
	fmt.Printf("type: %T\n", p)
	fmt.Printf("bool: %t\n", true)
	fmt.Printf("int: %d\n", 123)
	fmt.Printf("bin: %b\n", 14)
	fmt.Printf("char: %c\n", 33)
	fmt.Printf("hex: %x\n", 456)
	fmt.Printf("float2: %e\n", 123400000.0)
	fmt.Printf("str2: %q\n", "\"string\"")
	fmt.Printf("pointer is nonnil: %t\n", &p != nil)
	fmt.Printf("width1: |%6d|%6d|\n", 12, 345)
	fmt.Printf("width3: |%-6.2f|%6.2f|\n", 1.2, 3.45)
	s := fmt.Sprintf("sprintf: a %s", "string")
	fmt.Println(s)
	fmt.Fprintf(os.Stdout, "io: an %s\n", "error")
	const th = "สวัสดี"
	fmt.Println("Len:", len(th), "Runes:", utf8.RuneCountInString(th))
	for idx, r := range "héllo" {
		fmt.Printf("%#U starts at %d\n", r, idx)
	}
	fmt.Println(strings.Contains("test", "es"), strings.Count("test", "t"), strings.Repeat("a", 5),
		strings.Replace("foo", "o", "0", -1), strings.Split("a-b-c-d-e", "-"), strings.ToUpper("test"))
	f, _ := strconv.ParseFloat("1.234", 64)
	i, _ := strconv.ParseInt("0x1c8", 0, 64)
	_, e := strconv.Atoi("wat")
	fmt.Println(f, i, e)
	t1 := template.Must(template.New("t1").Parse("Value: {{.}}\n"))
	t1.Execute(os.Stdout, "some text")
	t2 := template.Must(template.New("t2").Parse("Name: {{.Name}}\n"))
	t2.Execute(os.Stdout, struct{ Name string }{"Jane Doe"})
	t2.Execute(os.Stdout, map[string]string{"Name": "Mickey Mouse"})
}
