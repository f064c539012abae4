package main

import (
	"os"
	"strings"
	"text/template"
)

type User struct {
	First, Last string
	Admin       bool
	Emails      []string
}

func (u User) FullName() string { return u.First + " " + u.Last }

func (u *User) Initials() string { return u.First[:1] + u.Last[:1] }

func main() {
	tmpl := template.Must(template.New("u").Funcs(template.FuncMap{"lower": strings.ToLower}).Parse(
		`{{.FullName}} ({{.Initials}}){{if .Admin}} [admin]{{end}}
{{range $i, $e := .Emails}}{{if $i}}, {{end}}{{lower $e}}{{end}}
`))
	u := &User{"Ada", "Lovelace", true, []string{"ADA@x.org", "al@y.net"}}
	if err := tmpl.Execute(os.Stdout, u); err != nil {
		panic(err)
	}
}
