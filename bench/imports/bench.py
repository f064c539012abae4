"""Time a cell's first import of a small module by each route, the same
import in a restarted kernel (cache), and `go run` of the same use in a
fresh module with the same warm caches. Prints wall seconds and the route
line the kernel printed; run it on a quiet machine, in one command from
the repository's root (it builds gotrain from this tree unless
GOTRAIN_BIN names a binary):

    nice .venv/bin/python bench/imports/bench.py

Routes:
  - interpreted: github.com/google/uuid, with a private, empty module
    cache (the first import downloads it);
  - compiled: github.com/dustin/go-humanize (yaegi cannot load it: `max`
    in its source), with the machine's module cache, where gotrain's own
    dependencies are (as on a machine gotrain was installed on), and an
    empty kernel cache: the first import downloads humanize if needed,
    extracts its symbols, builds an executor and switches to it;
  - split: github.com/samber/lo, likewise, interpreted from source with
    the declarations yaegi cannot load served by its compiled half (a
    probe searches for them first; its imports golang.org/x/text/cases
    and language are compiled in too).
Needs the public Go module proxy (or GOPROXY set to one)."""

import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tests"))
import kernelcells  # noqa: E402

CASES = [
    ("interpreted", "github.com/google/uuid", 'uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").String()', True),
    ("compiled", "github.com/dustin/go-humanize", "humanize.Comma(1234567)", False),
    ("split", "github.com/samber/lo", "lo.Sum(lo.Map([]int{1, 2, 3}, func(x int, _ int) int { return x * x }))", False),
]


def timed_cell(env, cwd, module, use):
    with kernelcells.kernel(60, env=env, cwd=cwd) as kc:
        kernelcells.run(kc, "1", 60)  # the executor is up
        start = time.perf_counter()
        reply, msgs = kernelcells.run(kc, f'import "{module}"\n{use}', 900)
        took = time.perf_counter() - start
        assert reply["status"] == "ok", reply
        err = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        route = [line for line in err.splitlines() if line.startswith(module)]
        return took, route[-1] if route else "?"


def go_run(env, home, module, use):
    prog = home / ("prog-" + module.replace("/", "_"))
    prog.mkdir()
    name = module.rsplit("/", 1)[1].removeprefix("go-")
    (prog / "main.go").write_text(f'package main\n\nimport (\n\t"fmt"\n\n\t{name} "{module}"\n)\n\nfunc main() {{ fmt.Println({use}) }}\n')
    subprocess.run(["go", "mod", "init", "bench"], cwd=prog, env=env, check=True, capture_output=True)
    subprocess.run(["go", "get", module], cwd=prog, env=env, check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run(["go", "run", "."], cwd=prog, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    kernelcells.install_kernelspec()
    home = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-imports-bench-"))
    print(f"load average {os.getloadavg()[0]:.2f}")
    for route, module, use, private_modcache in CASES:
        env = dict(os.environ, GOTRAIN_CACHE=str(home / route / "cache"), GOFLAGS="-modcacherw",
                   GOCACHE=os.environ.get("GOCACHE") or str(pathlib.Path.home() / ".cache" / "go-build"))
        if private_modcache:
            env["GOMODCACHE"] = str(home / route / "mod")
        nb = home / route / "nb"
        nb.mkdir(parents=True)
        first, line = timed_cell(env, str(nb), module, use)
        print(f"{module}: first import ({route}): {first:.2f} s  [{line}]")
        second, line = timed_cell(env, str(nb), module, use)
        print(f"{module}: second import, restarted kernel (cache): {second:.2f} s  [{line}]")
        print(f"{module}: go run of the same use (module cached): {go_run(env, home, module, use):.2f} s")


if __name__ == "__main__":
    main()
