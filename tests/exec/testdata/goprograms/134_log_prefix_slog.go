package main

import (
	"bytes"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Println("standard logger")
	log.SetPrefix("app: ")
	log.Printf("value %d", 42)
	mylog := log.New(os.Stdout, "my:", 0)
	mylog.Println("from mylog")
	mylog.SetPrefix("ohmy:")
	mylog.Println("from mylog")
	var buf bytes.Buffer
	buflog := log.New(&buf, "buf:", log.Lmsgprefix)
	buflog.Println("hello")
	fmt.Print("from buflog:", buf.String())

	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})
	logger := slog.New(h)
	logger.Info("hi there")
	logger.Info("hello again", "key", "val", "age", 25)
	logger.Warn("careful", slog.Group("req", slog.String("method", "GET"), slog.Int("status", 404)))
	var jb strings.Builder
	jl := slog.New(slog.NewJSONHandler(&jb, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	jl.Debug("debugging", "n", 1.5)
	jl.With("component", "db").Error("failed", "err", fmt.Errorf("boom"))
	fmt.Print(jb.String())
}
