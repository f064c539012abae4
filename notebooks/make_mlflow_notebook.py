"""Writes notebooks/02-distributed-training-mlflow.ipynb from notebook 01:
the same cells (01 is the one to edit) with its own introduction and, before
the last cell, the MLflow steps below. tests/notebooks runs it with --check,
which fails when the committed 02 is not what it makes.

    python3 notebooks/make_mlflow_notebook.py           # rewrite 02
    python3 notebooks/make_mlflow_notebook.py --check   # compare only
"""

import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE / "01-distributed-training.ipynb"
TARGET = HERE / "02-distributed-training-mlflow.ipynb"

INTRO = r"""# Distributed training with MLflow tracking

The same steps as notebook 01 — connect workers, load the shards, train, tune,
score, explain, save — and then every trial recorded in **MLflow**: a parent run
for the tuning job with one child run per trial (its eta, max_depth and every
round's metrics), the result files as artifacts, and the best model in the
**Model Registry** as `gotrain-credit`.

If the environment variable `MLFLOW_TRACKING_URI` names a tracking server, the
runs go there. Otherwise the notebook starts a local MLflow server (the `mlflow`
command of the Python environment) bound to 127.0.0.1, storing everything under
`outDir/mlflow`. That needs MLflow's Python package in the repository's `.venv`:
`./install.sh --lab` and `./install.sh --test` install it, or run
`.venv/bin/pip install mlflow==3.17.2` in the repository folder.

New to Go or to boosting? Notebook 01 explains each step; the cells here are the
same until "Record the tuning run in MLflow"."""

# The MLflow steps, inserted before 01's closing "## Done" cell, which they
# replace with their own.
MLFLOW_CELLS = [
    ('markdown', r"""## Record the tuning run in MLflow

`ConnectMLflow` finds the tracking server (or starts a local one). `LogMLflow`
sends the run tree and registers the best model, then waits until the server has
everything. If the server is unreachable the records wait in a spool file in
`outDir` and are sent when it is back."""),
    ('code', r"""tracking, err := j.ConnectMLflow(nil)
display.Check(err)
runName, err := j.LogMLflow(nil, tracking, tuned, scores, files)
display.Check(err)
fmt.Println("MLflow run", runName, "with", len(tuned.Trials), "child runs, model registered as", job.RegisteredModel)
_ = display.HTML(fmt.Sprintf("<p>Open the MLflow UI at <a href=%q target=\"_blank\">%s</a> (experiment Default) while the server runs.</p>", tracking.URL, tracking.URL))"""),
    ('markdown', r"""## Stop the local server

The runs stay in `outDir/mlflow/mlflow.db`; `mlflow ui --backend-store-uri
sqlite:///…/mlflow.db` shows them again later."""),
    ('code', r"""display.Check(tracking.Close())
fmt.Println("tracking closed")"""),
    ('markdown', r"""## Done

Stop the workers. The batch job does the same with `gotrain train --mlflow`
(`bin/gotrain` in the repository)."""),
]


def cell(kind, text, ident):
    c = {"cell_type": kind, "id": ident, "metadata": {}, "source": text.splitlines(True)}
    if kind == "code":
        c["execution_count"] = None
        c["outputs"] = []
    return c


def make():
    nb = json.loads(SOURCE.read_text(encoding="utf-8"))
    cells = nb["cells"]
    done = len(cells) - 2
    assert "".join(cells[done]["source"]).startswith("## Done"), "01's second-to-last cell is no longer '## Done'"
    out = [dict(cells[0], source=INTRO.splitlines(True), id="mlflow-intro")] + cells[1:done]
    out += [cell(kind, text, f"mlflow-{i:02d}") for i, (kind, text) in enumerate(MLFLOW_CELLS)]
    out += cells[done + 1:]
    nb["cells"] = out
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = make()
    if sys.argv[1:] == ["--check"]:
        if TARGET.read_text(encoding="utf-8") != text:
            sys.exit(f"{TARGET.name} is not what {pathlib.Path(__file__).name} makes from {SOURCE.name}: run it")
    else:
        TARGET.write_text(text, encoding="utf-8")
