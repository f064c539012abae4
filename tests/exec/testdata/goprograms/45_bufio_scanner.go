package main

import (
	"bufio"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

const input = `# inventory
apple 3 0.50
banana 12 0.25

cherry 40 0.10
apple 2 0.55
`

type item struct {
	qty   int
	total float64
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(input))
	items := map[string]*item{}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		qty, err := strconv.Atoi(fields[1])
		if err != nil {
			fmt.Println("line", lineNo, err)
			continue
		}
		price, _ := strconv.ParseFloat(fields[2], 64)
		it, ok := items[fields[0]]
		if !ok {
			it = &item{}
			items[fields[0]] = it
		}
		it.qty += qty
		it.total += float64(qty) * price
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	names := make([]string, 0, len(items))
	for n := range items {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%-8s %3d %6.2f\n", n, items[n].qty, items[n].total)
	}
	ws := bufio.NewScanner(strings.NewReader("one two  three\nfour"))
	ws.Split(bufio.ScanWords)
	count := 0
	for ws.Scan() {
		count++
	}
	fmt.Println("words:", count)
	var sb strings.Builder
	w := bufio.NewWriter(&sb)
	fmt.Fprintf(w, "buffered %d\n", 42)
	fmt.Println(sb.Len())
	w.Flush()
	fmt.Print(sb.String())
	r := bufio.NewReader(strings.NewReader("first line\nsecond"))
	l, _ := r.ReadString('\n')
	fmt.Printf("%q\n", l)
}
