package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
)

type route struct {
	path, reply string
}

func main() {
	mux := http.NewServeMux()
	for _, rt := range []route{{"/a", "alpha"}, {"/b", "beta"}, {"/c", "gamma"}} {
		mux.HandleFunc(rt.path, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, rt.reply)
		})
	}
	for i, p := range []string{"/x", "/y"} {
		mux.Handle(p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, p, i)
		}))
	}
	for _, p := range []string{"/a", "/b", "/c", "/x", "/y"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		b, _ := io.ReadAll(rec.Body)
		fmt.Print(string(b), " ")
	}
	fmt.Println()

	data := [][]string{{"pear", "fig", "apple"}, {"kiwi", "banana"}}
	for k, row := range data {
		slices.SortFunc(row, func(a, b string) int { return cmp.Compare(len(a), len(b)) * (1 - 2*(k%2)) })
		fmt.Println(row, strings.Map(func(r rune) rune { return r + rune(k) }, "abc"))
	}
	var onces []func() int
	calls := 0
	for i := range 3 {
		onces = append(onces, sync.OnceValue(func() int { calls++; return i * 10 }))
	}
	fmt.Println(onces[2](), onces[2](), onces[0](), calls)
	var wg sync.WaitGroup
	got := make([]int, 3)
	for i := range 3 {
		ctx, cancel := context.WithCancel(context.Background())
		wg.Add(1)
		context.AfterFunc(ctx, func() { got[i] = i + 1; wg.Done() })
		cancel()
	}
	wg.Wait()
	fmt.Println(got)
}
