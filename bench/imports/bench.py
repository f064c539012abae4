"""Time a cell's first import of a small module from the public proxy
(download + interpret), the same import in a restarted kernel (cache),
and `go run` of the same use in a fresh module with the same warm caches.
Prints wall seconds; run it on a quiet machine:

    go build -o bin/gotrain ./cmd/gotrain
    GOTRAIN_BIN=$PWD/bin/gotrain .venv/bin/python bench/imports/bench.py

The compile route's build (extract + build an executor) is timed by
    go test -count=1 -run BuildExecutor -v ./internal/kernel/modules
(its log's duration covers one resolve, one build and one cell)."""

import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tests" / "exec"))
import kernelcells  # noqa: E402

MODULE = "github.com/google/uuid"
CELL = 'import "github.com/google/uuid"\nuuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").String()'
PROGRAM = 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/google/uuid"\n)\n\nfunc main() { fmt.Println(uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").String()) }\n'


def timed_cell(env, cwd):
    with kernelcells.kernel(60, env=env, cwd=cwd) as kc:
        kernelcells.run(kc, "1", 60)  # the executor is up
        start = time.perf_counter()
        reply, _ = kernelcells.run(kc, CELL, 600)
        took = time.perf_counter() - start
        assert reply["status"] == "ok", reply
        return took


def main():
    kernelcells.install_kernelspec()
    home = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-imports-bench-"))
    env = dict(os.environ, GOMODCACHE=str(home / "mod"), XDG_CACHE_HOME=str(home / "cache"), GOFLAGS="-modcacherw",
               GOCACHE=os.environ.get("GOCACHE") or str(pathlib.Path.home() / ".cache" / "go-build"))
    nb = home / "nb"
    nb.mkdir()
    print(f"first import (download + interpret): {timed_cell(env, str(nb)):.2f} s")
    print(f"second import, restarted kernel (cache): {timed_cell(env, str(nb)):.2f} s")
    prog = home / "prog"
    prog.mkdir()
    (prog / "main.go").write_text(PROGRAM)
    subprocess.run(["go", "mod", "init", "bench"], cwd=prog, env=env, check=True, capture_output=True)
    subprocess.run(["go", "get", MODULE], cwd=prog, env=env, check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run(["go", "run", "."], cwd=prog, env=env, check=True, capture_output=True)
    print(f"go run of the same use (module cached): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
