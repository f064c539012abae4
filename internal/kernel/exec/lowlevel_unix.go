//go:build unix

package exec

import (
	"errors"
	"io"
	osexec "os/exec"
	"reflect"
	"syscall"
)

// lowLevelExtra adds what yaegi's syscall table leaves out and programs
// call: Kill (a program signalling itself, syscall.Kill(os.Getpid(),
// syscall.SIGUSR1)) and Exec (Go by Example's "Exec'ing Processes").
// syscall.Exec would replace the kernel's process; here it runs the
// program to its end with the cell's output, then ends the cell as
// os.Exit does with the program's exit code, which is what the
// replaced process would have shown. A program that cannot be started
// gets Exec's error, as from the system call.
func (s *Session) lowLevelExtra(sys map[string]reflect.Value, stdout, stderr io.Writer) {
	sys["Kill"] = reflect.ValueOf(syscall.Kill)
	sys["Exec"] = reflect.ValueOf(func(argv0 string, argv, envv []string) error {
		cmd := &osexec.Cmd{Path: argv0, Args: argv, Env: envv, Stdout: stdout, Stderr: stderr}
		err := cmd.Run()
		var exit *osexec.ExitError
		if err != nil && !errors.As(err, &exit) {
			var errno syscall.Errno
			if errors.As(err, &errno) {
				return errno
			}
			return err
		}
		s.osExit(exitPanic{code: cmd.ProcessState.ExitCode()})
		return nil
	})
}
