"""`gotrain install` as a user runs it, checked with Jupyter's own tools."""

import json
import os
import pathlib
import subprocess
import sys

JUPYTER = str(pathlib.Path(sys.executable).parent / "jupyter")


def install(binary, *args, env=None):
    return subprocess.run([binary, "install", *args], capture_output=True, text=True, env=env, check=True)


def kernelspecs(env):
    out = subprocess.run([JUPYTER, "kernelspec", "list", "--json"], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)["kernelspecs"]


def test_user_install_honours_jupyter_data_dir_and_is_idempotent(tmp_path, gotrain):
    # In a venv Jupyter prefers the environment's specs (and tests/run
    # installs one into .venv); ask it to look in the user dir first.
    env = dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path / "data"), JUPYTER_PATH="", JUPYTER_PREFER_ENV_PATH="0")
    first = install(gotrain, "--user", env=env)
    again = install(gotrain, "--user", env=env)
    assert first.stdout.splitlines()[0] == again.stdout.splitlines()[0]
    spec = kernelspecs(env)["gotrain"]
    assert pathlib.Path(spec["resource_dir"]) == tmp_path / "data" / "kernels" / "gotrain"
    s = spec["spec"]
    assert s["display_name"] == "Go (gotrain)"
    assert s["language"] == "go"
    assert s["interrupt_mode"] == "message"
    assert os.path.isabs(s["argv"][0]) and os.path.samefile(s["argv"][0], gotrain)
    assert s["argv"][1:] == ["kernel", "{connection_file}"]
    files = sorted(p.name for p in pathlib.Path(spec["resource_dir"]).iterdir())
    assert files == ["kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]


def test_prefix_install(tmp_path, gotrain):
    install(gotrain, "--prefix", str(tmp_path))
    env = dict(os.environ, JUPYTER_PATH=str(tmp_path / "share" / "jupyter"), JUPYTER_DATA_DIR=str(tmp_path / "empty"))
    spec = kernelspecs(env)["gotrain"]
    assert pathlib.Path(spec["resource_dir"]) == tmp_path / "share" / "jupyter" / "kernels" / "gotrain"


def test_conflicting_flags_are_refused(tmp_path, gotrain):
    out = subprocess.run([gotrain, "install", "--user", "--prefix", str(tmp_path)], capture_output=True, text=True)
    assert out.returncode != 0
    assert "choose one of" in out.stderr


def test_without_jupyter_it_says_how_to_get_one(tmp_path, gotrain):
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path), "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    out = install(gotrain, env=env)
    assert "no 'jupyter' on PATH" in out.stdout
    assert "pip install" in out.stdout and "./install.sh --test" in out.stdout


def test_prefix_with_its_own_jupyter_needs_no_advice(tmp_path, gotrain):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "jupyter").write_text("#!/bin/sh\n")
    env = {"PATH": str(tmp_path / "empty"), "HOME": str(tmp_path)}
    out = install(gotrain, "--prefix", str(tmp_path), env=env)
    assert "no 'jupyter'" not in out.stdout
