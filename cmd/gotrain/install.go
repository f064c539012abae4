package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/gotrain/gotrain/internal/kernelspec"
)

func init() {
	register(command{name: "install", summary: "install the \"Go (gotrain)\" Jupyter kernelspec", run: runInstall})
}

// runInstall writes the kernelspec for this very binary. Idempotent.
func runInstall(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	user := fs.Bool("user", false, "install for the current user ($JUPYTER_DATA_DIR or ~/.local/share/jupyter; the default)")
	prefix := fs.String("prefix", "", "install under `DIR`/share/jupyter/kernels")
	sysPrefix := fs.Bool("sys-prefix", false, "install into the active Python environment ($VIRTUAL_ENV, or the one whose jupyter is on PATH)")
	const help = `Usage: gotrain install [--user | --prefix DIR | --sys-prefix]

Installs the "Go (gotrain)" Jupyter kernelspec for this very binary (run it
again after moving the binary). Idempotent.

Examples:
  gotrain install
  gotrain install --sys-prefix          # into the active virtualenv, e.g. .venv
  gotrain install --prefix /opt/jupyter
`
	if err := parseFlags(fs, help, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badUsage(fs, "unexpected argument %q", fs.Arg(0))
	}
	chosen := 0
	for _, set := range []bool{*user, *prefix != "", *sysPrefix} {
		if set {
			chosen++
		}
	}
	if chosen > 1 {
		return badUsage(fs, "choose one of --user, --prefix DIR and --sys-prefix")
	}
	var dataDir string
	var err error
	switch {
	case *prefix != "":
		if dataDir, err = filepath.Abs(kernelspec.PrefixDataDir(*prefix)); err != nil {
			return err
		}
	case *sysPrefix:
		p, err := pythonPrefix()
		if err != nil {
			return err
		}
		dataDir = kernelspec.PrefixDataDir(p)
	default:
		if dataDir, err = kernelspec.UserDataDir(); err != nil {
			return err
		}
	}
	bin, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find this binary's path for kernel.json: %w", err)
	}
	if bin, err = filepath.EvalSymlinks(bin); err != nil {
		return fmt.Errorf("find this binary's path for kernel.json: %w", err)
	}
	dir, err := kernelspec.Install(dataDir, bin)
	if err != nil {
		return err
	}
	fmt.Printf("installed kernelspec %q (%s) in %s\n", kernelspec.Name, kernelspec.DisplayName, dir)
	if !haveJupyter(*prefix) {
		fmt.Println("note: no 'jupyter' on PATH. To use the kernel, install JupyterLab:")
		fmt.Println("  python3 -m pip install --user jupyterlab   (then: jupyter lab)")
		fmt.Println("or, from a gotrain checkout, ./install.sh --test sets up .venv with JupyterLab.")
	}
	return nil
}

// pythonPrefix is the active virtual environment, or the prefix of the
// environment whose jupyter is on PATH.
func pythonPrefix() (string, error) {
	if v := os.Getenv("VIRTUAL_ENV"); v != "" {
		return v, nil
	}
	if j, err := exec.LookPath("jupyter"); err == nil {
		if j, err = filepath.EvalSymlinks(j); err == nil {
			return filepath.Dir(filepath.Dir(j)), nil
		}
	}
	return "", errors.New("--sys-prefix: no active Python environment (activate one, or use --user or --prefix DIR)")
}

// haveJupyter reports whether a jupyter command is on PATH or, for a
// --prefix install, in that environment's bin directory.
func haveJupyter(prefix string) bool {
	if _, err := exec.LookPath("jupyter"); err == nil {
		return true
	}
	if prefix == "" {
		return false
	}
	info, err := os.Stat(filepath.Join(prefix, "bin", "jupyter"))
	return err == nil && !info.IsDir()
}
