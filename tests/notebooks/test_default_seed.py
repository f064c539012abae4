"""One default seed for the tutorial's data, whichever way a user makes it.

`gotrain data generate` with no flags, `gotrain train` on an empty --data
folder, and the notebooks' own data cell (their parameters cell as shipped)
must write the same files, byte for byte: a user who follows the README with
one and the notebook with another sees the same data and the same numbers.
"""

import subprocess

import nbformat

import nbcheck
from nbcheck import NOTEBOOKS

GUARD = 300  # seconds; a guard against hangs, not a timing assertion


def files(folder):
    """Every file of folder, by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def notebook_data(name, cwd):
    """Runs notebook name up to and including its data cell (the one calling
    job.EnsureData) in cwd; returns the folder the data went to."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    last = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "job.EnsureData(" in c.source)
    nb.cells = nb.cells[: last + 1]
    part = cwd / name
    nbformat.write(nb, part)
    ran, _ = nbcheck.run(part, cwd)
    assert nbcheck.errors(ran) == []
    assert "data generated now: true" in nbcheck.stream_text(ran)
    return cwd / "data"  # the parameters cell's dataDir, relative to the notebook


def test_cli_train_and_notebooks_generate_the_same_data(kernel_env, gotrain, tmp_path):
    cli = tmp_path / "cli"
    r = subprocess.run([gotrain, "data", "generate", "--out", str(cli)], capture_output=True, text=True, timeout=GUARD)
    assert r.returncode == 0, r.stderr
    want = files(cli)
    assert "test_data.csv" in want and "train_data_0.csv" in want and "validation_data_0.csv" in want

    job = tmp_path / "job"
    r = subprocess.run([gotrain, "train", "--ray_actors", "1", "--cpus_per_actor", "1", "--tune_samples", "1",
                        "--rounds", "1", "--data", str(job), "--out", str(tmp_path / "results")],
                       capture_output=True, text=True, timeout=GUARD)
    assert r.returncode == 0, r.stderr
    got = files(job)
    assert got.keys() == want.keys()
    assert [n for n in want if got[n] != want[n]] == [], "gotrain train generates other data than gotrain data generate"

    for name in ["01-distributed-training.ipynb", "02-distributed-training-mlflow.ipynb"]:
        cwd = tmp_path / name.split("-")[0]
        cwd.mkdir()
        got = files(notebook_data(name, cwd))
        assert got.keys() == want.keys(), name
        assert [n for n in want if got[n] != want[n]] == [], f"{name} generates other data than gotrain data generate"
