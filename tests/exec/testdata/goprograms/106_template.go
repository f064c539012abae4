package main

import (
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
}

const tpl = `{{define "item"}}- {{.Name | upper}} ${{printf "%.2f" .Price}}{{if .Tags}} [{{join .Tags ", "}}]{{end}}
{{end}}{{range .}}{{template "item" .}}{{else}}none
{{end}}total: {{len .}}
`

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper, "join": strings.Join}
	t := template.Must(template.New("list").Funcs(funcs).Parse(tpl))
	items := []Item{{"apple", 1.5, []string{"fruit", "red"}}, {"nut", 0.25, nil}}
	if err := t.Execute(os.Stdout, items); err != nil {
		panic(err)
	}
	t.Execute(os.Stdout, []Item{})
}
