package main

import "fmt"

// An error of a cell type with value receivers, held in an error,
// answers type assertions to its own type and to an interface it
// implements (yaegi stored its last field in place of the struct).

type StatusError struct{ Code int }

func (e StatusError) Error() string   { return fmt.Sprint("status ", e.Code) }
func (e StatusError) Temporary() bool { return e.Code >= 500 }

type temporary interface{ Temporary() bool }

func fetch() error { return StatusError{503} }

func main() {
	err := fetch()
	se, ok := err.(StatusError)
	fmt.Println(ok, se.Code)
	t, ok := err.(temporary)
	fmt.Println(ok, ok && t.Temporary())
}
