package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

// Go by Example's "Exec'ing Processes": the program is replaced by
// another one (echo here, for a stable output). A program that cannot be
// started leaves Exec's error to the caller.
func main() {
	if err := syscall.Exec("/no/such/binary", []string{"x"}, os.Environ()); err != nil {
		fmt.Println("exec failed:", err, err == syscall.ENOENT)
	}
	binary, lookErr := exec.LookPath("echo")
	if lookErr != nil {
		panic(lookErr)
	}
	args := []string{"echo", "replaced", "by", "echo"}
	env := os.Environ()
	fmt.Println("exec'ing", args[0])
	execErr := syscall.Exec(binary, args, env)
	if execErr != nil {
		panic(execErr)
	}
	fmt.Println("not reached")
}
