"""Third-party imports through the real kernel and jupyter_client, against
a Go module proxy this test starts on 127.0.0.1: a folder in the GOPROXY
file-tree layout (@v/list, .info, .mod, .zip) built from small modules the
test writes. The go command reaches it as a private-proxy user's would:
GOPROXY at it and GONOSUMDB for its module paths (they are not in the public
checksum database, so go verifies them against go.sum alone). The module
cache, GOPATH and the kernel's cache dir are private to the test. The flow:
pin a version with %get, import a module with a dependency, use it,
complete and inspect its names, %mod and %mod save, a module that does not
compile refused while the session goes on, then a restarted kernel that
imports the same version with no request to the proxy."""

import functools
import http.server
import io
import json
import os
import pathlib
import subprocess
import threading
import zipfile

import pytest

import kernelcells

TIMEOUT = 180  # seconds; only turns a hang into a failure

DEP = {"dep.go": "// Package dep is a dependency.\npackage dep\n\n// Twice returns 2x.\nfunc Twice(x int) int { return 2 * x }\n"}

# fast needs the compiler (a body-less linknamed function): the interpreter
# cannot load it, so it takes the compile route.
FAST = {"fast.go": """// Package fast needs the compiler: it links to the runtime's clock.
package fast

import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Ticking reports whether the monotonic clock runs.
func Ticking() bool { return nanotime() > 0 }

// Sum adds xs.
func Sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
"""}

# clock needs the compiler too: a second compiled import, built in with fast.
CLOCK = {"clock.go": """// Package clock reads the runtime's monotonic clock.
package clock

import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Now is the monotonic clock in nanoseconds.
func Now() int64 { return nanotime() }
"""}


# tick needs the compiler like fast; lofast is generic and interpretable,
# but imports tick: tick alone is compiled in, lofast stays interpreted
# (so its generic functions are usable, with type arguments inferred).
TICK = {"tick.go": """// Package tick reads the runtime's monotonic clock.
package tick

import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Positive reports whether the clock is past zero.
func Positive() bool { return nanotime() > 0 }
"""}

LOFAST = {"lofast.go": """// Package lofast is a generic helper over a compiled dependency.
package lofast

import "example.test/tick"

// Map applies f to each element of xs.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Ticking asks the compiled dependency.
func Ticking() bool { return tick.Positive() }
"""}


def greet(version):
    return {"greet.go": f'''// Package greet says hello.
package greet

import "example.test/dep"

// Hello greets name and says which version answered.
func Hello(name string) string {{ return "hello " + name + " from {version}" }}

// Double doubles x through the dep module.
func Double(x int) int {{ return dep.Twice(x) }}
'''}


MODULES = [
    ("example.test/dep", "v1.0.0", [], DEP),
    ("example.test/greet", "v1.0.0", ["example.test/dep v1.0.0"], greet("v1.0.0")),
    ("example.test/greet", "v1.1.0", ["example.test/dep v1.0.0"], greet("v1.1.0")),
    ("example.test/fast", "v1.0.0", [], FAST),
    ("example.test/clock", "v1.0.0", [], CLOCK),
    ("example.test/tick", "v1.0.0", [], TICK),
    ("example.test/lofast", "v1.0.0", ["example.test/tick v1.0.0"], LOFAST),
    ("example.test/broken", "v1.0.0", [], {"broken.go": "// Package broken does not compile.\npackage broken\n\n// N is wrong.\nvar N int = \"not a number\"\n"}),
]


def write_proxy(root: pathlib.Path):
    versions = {}
    for path, version, requires, files in MODULES:
        d = root / path / "@v"
        d.mkdir(parents=True, exist_ok=True)
        gomod = f"module {path}\n\ngo 1.22\n" + "".join(f"\nrequire {r}\n" for r in requires)
        (d / f"{version}.mod").write_text(gomod)
        (d / f"{version}.info").write_text(json.dumps({"Version": version, "Time": "2024-01-01T00:00:00Z"}))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(f"{path}@{version}/go.mod", gomod)
            for name, text in files.items():
                z.writestr(f"{path}@{version}/{name}", text)
        (d / f"{version}.zip").write_bytes(buf.getvalue())
        versions.setdefault(path, []).append(version)
    for path, vs in versions.items():
        (root / path / "@v" / "list").write_text("\n".join(sorted(vs)) + "\n")


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    requests = 0

    def do_GET(self):
        type(self).requests += 1
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    root = tmp_path_factory.mktemp("proxy")
    write_proxy(root)
    handler = type("Handler", (CountingHandler,), {"requests": 0})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv, handler
    srv.shutdown()


@pytest.fixture(scope="module")
def goenv(tmp_path_factory, proxy):
    srv, _ = proxy
    home = tmp_path_factory.mktemp("gohome")
    env = dict(os.environ)
    env.update({
        "GOPROXY": f"http://127.0.0.1:{srv.server_address[1]}",
        "GONOSUMDB": "example.test",
        "GOFLAGS": "-modcacherw",
        "GOPATH": str(home / "gopath"),
        "GOMODCACHE": str(home / "gopath" / "pkg" / "mod"),
        "GOTRAIN_CACHE": "",  # the kernel's cache is in the private module cache
        # the build cache stays the user's: only module state is private
        "GOCACHE": os.environ.get("GOCACHE") or str(pathlib.Path.home() / ".cache" / "go-build"),
    })
    return env


def run(kc, code):
    return kernelcells.run(kc, code, TIMEOUT)


def stream(msgs, name):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def value(msgs):
    results = [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result"]
    assert len(results) == 1, msgs
    return results[0]


def test_import_pin_save_and_reuse_after_restart(goenv, proxy, tmp_path):
    _, handler = proxy
    notebook = tmp_path / "notebook"
    notebook.mkdir()
    with kernelcells.kernel(60, env=goenv, cwd=str(notebook)) as kc:
        reply, msgs = run(kc, "%get example.test/greet@v1.0.0")
        assert reply["status"] == "ok", reply
        assert "example.test/greet v1.0.0" in stream(msgs, "stdout")

        reply, msgs = run(kc, 'import "example.test/greet"\ngreet.Hello("go")')
        assert reply["status"] == "ok", reply
        assert value(msgs) == '"hello go from v1.0.0"'
        assert "example.test/greet v1.0.0: interpreted from source" in stream(msgs, "stderr")
        reply, msgs = run(kc, "greet.Double(21)")
        assert value(msgs) == "42"

        kc.complete("greet.Do", 8)
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["content"]["matches"] == ["Double"]
        kc.inspect("greet.Hello", 9)
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["content"]["found"] and "Hello greets name" in reply["content"]["data"]["text/plain"]

        reply, msgs = run(kc, "%mod")
        listed = stream(msgs, "stdout")
        assert "example.test/greet v1.0.0" in listed and "example.test/dep v1.0.0" in listed

        assert not (notebook / "go.mod").exists()
        reply, msgs = run(kc, "%mod save")
        assert reply["status"] == "ok", reply
        assert "example.test/greet v1.0.0" in (notebook / "go.mod").read_text()
        assert "example.test/dep v1.0.0/go.mod" in (notebook / "go.sum").read_text()

        run(kc, "kept := 7")
        reply, msgs = run(kc, 'import "example.test/broken"')
        assert reply["status"] == "error"
        errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
        assert errors and errors[0]["ename"] == "ImportError"
        assert "example.test/broken v1.0.0 does not compile for" in errors[0]["evalue"]
        reply, msgs = run(kc, "kept * 6")
        assert value(msgs) == "42"

    # A restarted kernel in the same folder: the saved go.mod pins v1.0.0,
    # and the module cache and the kernel's cache answer without the proxy.
    before = handler.requests
    with kernelcells.kernel(60, env=goenv, cwd=str(notebook)) as kc:
        reply, msgs = run(kc, 'import "example.test/greet"\ngreet.Hello("again")')
        assert reply["status"] == "ok", reply
        assert value(msgs) == '"hello again from v1.0.0"'
    assert handler.requests == before, f"{handler.requests - before} proxy requests after the restart"


@pytest.fixture(scope="module")
def machine_goenv(goenv, tmp_path_factory):
    """goenv with the machine's module cache, where the kernel's own
    dependencies are, so building an executor needs no network (the
    fixtures' modules are added there; everything else comes from it
    through a file:// proxy). The kernel's cache stays the test's."""
    out = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True)
    machine = out.stdout.strip()
    env = dict(goenv)
    env["GOMODCACHE"] = machine
    env["GOPROXY"] = goenv["GOPROXY"] + ",file://" + os.path.join(machine, "cache", "download")
    env["GOTRAIN_CACHE"] = str(tmp_path_factory.mktemp("compiled-cache"))
    return env


def test_compiled_import_switches_executor_and_keeps_declarations(machine_goenv, proxy, tmp_path):
    _, handler = proxy
    with kernelcells.kernel(60, env=machine_goenv, cwd=str(tmp_path)) as kc:
        assert run(kc, "func triple(x int) int { return 3 * x }")[0]["status"] == "ok"
        assert run(kc, 'var label = "sum"')[0]["status"] == "ok"
        assert run(kc, "count := 5")[0]["status"] == "ok"
        assert run(kc, "var hits = 1")[0]["status"] == "ok"
        assert run(kc, "hits++")[0]["status"] == "ok"
        # An interpreted import at a pinned version (the newest is in the
        # module cache too): the new executor must keep the pin.
        assert run(kc, "%get example.test/greet@v1.1.0")[0]["status"] == "ok"
        assert run(kc, "%get example.test/greet@v1.0.0")[0]["status"] == "ok"
        reply, msgs = run(kc, 'import "example.test/greet"\ngreet.Hello("a")')
        assert value(msgs) == '"hello a from v1.0.0"', msgs
        reply, msgs = run(kc, 'import "example.test/fast"\nfast.Sum([]float64{1, 2.5})')
        assert reply["status"] == "ok", (reply, msgs)
        assert value(msgs) == "3.5"
        err = stream(msgs, "stderr")
        assert "compiling example.test/fast into a new executor" in err, err
        assert "example.test/fast v1.0.0: compiled into the executor (session restarted; kept: label, triple; lost: count, hits (reset))" in err, err
        reply, msgs = run(kc, "triple(int(fast.Sum([]float64{4})))")
        assert value(msgs) == "12"
        reply, msgs = run(kc, "hits")
        assert value(msgs) == "1"  # reset to its declared value, as the line said
        reply, msgs = run(kc, "label")
        assert value(msgs) == '"sum"'
        reply, msgs = run(kc, "fast.Ticking()")
        assert value(msgs) == "true"
        reply, msgs = run(kc, 'greet.Hello("b")')
        assert value(msgs) == '"hello b from v1.0.0"', msgs
        # The new executor knows the session's modules and the compiled
        # package's docs.
        reply, msgs = run(kc, "%mod")
        listed = stream(msgs, "stdout")
        assert "example.test/fast v1.0.0" in listed and "example.test/greet v1.0.0" in listed, listed
        assert 'import "example.test/fast": compiled into the executor' in listed, listed
        kc.inspect("fast.Sum", 8)
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["content"]["found"] and "Sum adds xs" in reply["content"]["data"]["text/plain"], reply
        kc.complete("fast.Ti", 7)
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["content"]["matches"] == ["Ticking"], reply
        # A second compiled import: the new executor has both packages.
        reply, msgs = run(kc, 'import "example.test/clock"\nclock.Now() > 0 && fast.Ticking() && triple(2) == 6')
        assert reply["status"] == "ok", (reply, msgs)
        assert value(msgs) == "true"
        # hits is at its declared value in this executor, so replaying keeps it.
        assert "example.test/clock v1.0.0: compiled into the executor (session restarted; kept: hits, label, triple; lost: nothing)" in stream(msgs, "stderr")
        # Only the dependency the interpreter cannot load is compiled in:
        # the generic package stays interpreted, type arguments inferred.
        reply, msgs = run(kc, 'import (\n\t"fmt"\n\t"example.test/lofast"\n)\nfmt.Sprint(lofast.Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 10) }), lofast.Ticking())')
        assert reply["status"] == "ok", (reply, msgs)
        assert value(msgs) == '"[10 20] true"'
        err = stream(msgs, "stderr")
        assert "example.test/lofast v1.0.0: interpreted from source; its import example.test/tick: compiled into the executor (session restarted;" in err, err

    # A restarted kernel of the same notebook: the built executor comes
    # from the kernel's cache, with no build and no proxy request.
    before = handler.requests
    with kernelcells.kernel(60, env=machine_goenv, cwd=str(tmp_path)) as kc:
        reply, msgs = run(kc, 'import "example.test/fast"\nfast.Ticking()')
        assert reply["status"] == "ok", (reply, msgs)
        assert value(msgs) == "true"
        err = stream(msgs, "stderr")
        assert "compiled into the executor (session restarted; kept: nothing; lost: nothing)" in err, err
        assert "compiling" not in err, err
    assert handler.requests == before, f"{handler.requests - before} proxy requests after the restart"


class HangingHandler(http.server.BaseHTTPRequestHandler):
    """A module proxy that never answers until released."""
    arrived = None
    release = None

    def do_GET(self):
        type(self).arrived.set()
        type(self).release.wait(TIMEOUT)
        self.send_error(404)

    def log_message(self, *args):
        pass


def test_interrupt_stops_a_slow_download(goenv, tmp_path):
    handler = type("Hanging", (HangingHandler,), {"arrived": threading.Event(), "release": threading.Event()})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    env = dict(goenv, GOPROXY=f"http://127.0.0.1:{srv.server_address[1]}")
    try:
        with kernelcells.kernel(60, env=env, cwd=str(tmp_path)) as kc:
            run(kc, "kept := 7")
            msg_id = kc.execute('import "example.test/slow"')
            assert handler.arrived.wait(TIMEOUT), "the download never reached the proxy"
            kc.control_channel.send(kc.session.msg("interrupt_request", {}))
            while True:
                reply = kc.get_shell_msg(timeout=TIMEOUT)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            assert reply["content"]["status"] == "error"
            assert reply["content"]["ename"] == "Interrupted", reply["content"]
            reply, msgs = run(kc, "kept")
            assert value(msgs) == "7"
    finally:
        handler.release.set()
        srv.shutdown()
