package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

func main() {
	match, _ := regexp.MatchString("p([a-z]+)ch", "peach")
	fmt.Println(match)
	r := regexp.MustCompile("p([a-z]+)ch")
	fmt.Println(r.FindString("peach punch"), r.FindStringSubmatch("peach punch"), r.FindAllString("peach punch pinch", -1))
	fmt.Println(r.ReplaceAllStringFunc("a peach", strings.ToUpper))
	h := sha256.New()
	h.Write([]byte("sha256 this string"))
	fmt.Printf("%x\n", h.Sum(nil))
	data := "abc123!?$*&()'-=@~"
	sEnc := base64.StdEncoding.EncodeToString([]byte(data))
	fmt.Println(sEnc)
	sDec, _ := base64.URLEncoding.DecodeString(base64.URLEncoding.EncodeToString([]byte(data)))
	fmt.Println(string(sDec))
	u, err := url.Parse("postgres://user:pass@host.com:5432/path?k=v#f")
	if err != nil {
		panic(err)
	}
	fmt.Println(u.Scheme, u.User.Username(), u.Hostname(), u.Port(), u.Path, u.Fragment, u.Query()["k"][0])
	sc := bufio.NewScanner(strings.NewReader("hello world\nsecond line\n"))
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
		fmt.Print(strings.ToUpper(sc.Text()), " ")
	}
	fmt.Println(n)
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("ignition")
	fmt.Println(sb.String(), sb.Len())
}
