"""The gotrain binary under test, shared by every test folder: GOTRAIN_BIN
(tests/run sets it) or one built from this tree, once per test session; and
its kernelspec installed under a temporary prefix."""

import functools
import os
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


@functools.cache
def binary() -> str:
    """Absolute path of the gotrain binary under test."""
    path = os.environ.get("GOTRAIN_BIN")
    if path:
        path = pathlib.Path(path).resolve()
        assert path.is_file(), f"GOTRAIN_BIN={path} does not exist"
        return str(path)
    out = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-bin-")) / "gotrain"
    subprocess.run(["go", "build", "-o", str(out), "./cmd/gotrain"], cwd=ROOT, check=True)
    return str(out)


@functools.cache
def kernelspec_dir() -> str:
    """A Jupyter data dir holding the kernelspec of the binary under test."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-kernelspec-"))
    subprocess.run([binary(), "install", "--prefix", str(tmp)], check=True, capture_output=True)
    return str(tmp / "share" / "jupyter")


def install_kernelspec() -> str:
    """Put the binary's kernelspec first on JUPYTER_PATH (once); return the
    data dir."""
    data = kernelspec_dir()
    old = os.environ.get("JUPYTER_PATH", "")
    if old.split(os.pathsep)[0] != data:
        os.environ["JUPYTER_PATH"] = data + (os.pathsep + old if old else "")
    return data
