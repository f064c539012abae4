package exec

import (
	"fmt"
	"io"
	"log"
)

// Loggers in cells. yaegi v0.16.1 gives cells a wrapper of *log.Logger
// (so that Fatal cannot end the process) that lacks SetPrefix: a cell
// calling it failed to compile ("undefined method: SetPrefix"), and
// log.Default() handed out the real logger, whose Fatal ended the
// kernel's cell process. Cells get this wrapper instead, from log.New and
// log.Default: every method of *log.Logger, Fatal ending the cell as
// log.Fatal does.

// Logger is *log.Logger as cells see it.
type Logger struct {
	l     *log.Logger
	fatal func(msg string) // ends the cell
}

func (l *Logger) exit(msg string) {
	l.l.Output(3, msg)
	l.fatal(msg)
}

func (l *Logger) Fatal(v ...any)                 { l.exit(fmt.Sprint(v...)) }
func (l *Logger) Fatalf(format string, v ...any) { l.exit(fmt.Sprintf(format, v...)) }
func (l *Logger) Fatalln(v ...any)               { l.exit(fmt.Sprintln(v...)) }
func (l *Logger) Flags() int                     { return l.l.Flags() }
func (l *Logger) Output(calldepth int, s string) error {
	return l.l.Output(calldepth+1, s)
}
func (l *Logger) Panic(v ...any)                 { l.l.Panic(v...) }
func (l *Logger) Panicf(format string, v ...any) { l.l.Panicf(format, v...) }
func (l *Logger) Panicln(v ...any)               { l.l.Panicln(v...) }
func (l *Logger) Prefix() string                 { return l.l.Prefix() }
func (l *Logger) Print(v ...any)                 { l.l.Print(v...) }
func (l *Logger) Printf(format string, v ...any) { l.l.Printf(format, v...) }
func (l *Logger) Println(v ...any)               { l.l.Println(v...) }
func (l *Logger) SetFlags(flag int)              { l.l.SetFlags(flag) }
func (l *Logger) SetOutput(w io.Writer)          { l.l.SetOutput(w) }
func (l *Logger) SetPrefix(prefix string)        { l.l.SetPrefix(prefix) }
func (l *Logger) Writer() io.Writer              { return l.l.Writer() }
