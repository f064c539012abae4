#!/usr/bin/env bash
# install.sh — build gotrain and install its Jupyter kernel. Idempotent.
#
#   ./install.sh            build bin/gotrain, install the "Go (gotrain)" kernel for this user
#   ./install.sh --test     also set up .venv with the pinned test peers (tests/requirements.txt)
#                           and Debian's chromium for the browser test; the kernel goes into .venv
#   ./install.sh --prefix DIR   install the kernelspec under DIR/share/jupyter/kernels
#   ./install.sh --tutorial the main job: also set up .venv with JupyterLab and nbclient (pinned in
#                           tests/requirements.txt), install the kernel there, generate the data into
#                           out/data and run notebooks/01 headless; the executed notebook and the
#                           results land in out/
#   ./install.sh --lab      like --tutorial without the run, plus MLflow for notebook 02: copy the
#                           notebooks to out/ (keeping existing copies) and open JupyterLab there
#                           on 127.0.0.1
#
# JUPYTER_DATA_DIR is honoured by the kernelspec installer.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

want_test=0
want_tutorial=0
want_lab=0
kernel_args=(--user)
while [ $# -gt 0 ]; do
  case "$1" in
    --test) want_test=1 ;;
    --tutorial) want_tutorial=1 ;;
    --lab) want_lab=1 ;;
    --user) kernel_args=(--user) ;;
    --prefix) kernel_args=(--prefix "$2"); shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see ./install.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

command -v go >/dev/null || { echo "install.sh: Go 1.26 or newer is needed: https://go.dev/doc/install" >&2; exit 1; }
if [ ! -x .venv/bin/python ] && { [ "$want_test" = 1 ] || [ "$want_tutorial" = 1 ] || [ "$want_lab" = 1 ]; }; then
  command -v python3 >/dev/null || { echo "install.sh: Python 3.11 or newer is needed for .venv (Debian/Ubuntu: apt-get install python3 python3-venv)" >&2; exit 1; }
  python3 -c 'import venv, ensurepip' 2>/dev/null || { echo "install.sh: Python's venv module is missing (Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 1; }
fi

echo "==> building bin/gotrain"
go build -o bin/gotrain ./cmd/gotrain

if [ "$want_test" = 1 ]; then
  stamp=.venv/.requirements.sha256
  # The pinned set and our own papermill translator (installed from the tree).
  sum=$(cat tests/requirements.txt tests/papermill-gotrain/pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    echo "==> setting up .venv from tests/requirements.txt"
    python3 -m venv .venv
    .venv/bin/pip install -q --upgrade pip
    .venv/bin/pip install -q -r tests/requirements.txt
    echo "$sum" > "$stamp"
  fi
  if ! command -v chromium >/dev/null; then
    echo "==> installing Debian's chromium for the browser test"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
  fi
  kernel_args=(--prefix "$root/.venv")
fi

if [ "$want_test" = 0 ] && { [ "$want_tutorial" = 1 ] || [ "$want_lab" = 1 ]; }; then
  # Only the notebook peers, pinned as in tests/requirements.txt.
  if ! .venv/bin/python -c "import jupyterlab, nbclient" 2>/dev/null; then
    echo "==> setting up .venv with JupyterLab and nbclient (downloads from PyPI: a minute or two, once)"
    python3 -m venv .venv
    .venv/bin/pip install -q --upgrade pip
    .venv/bin/pip install -q $(grep -E '^(jupyterlab|nbclient|nbformat|jupyter_client)==' tests/requirements.txt)
  fi
  kernel_args=(--prefix "$root/.venv")
fi
if [ "$want_test" = 0 ] && [ "$want_lab" = 1 ] && ! .venv/bin/python -c "import mlflow" 2>/dev/null; then
  # Notebook 02 starts a local MLflow server from .venv (next to bin/gotrain).
  echo "==> installing MLflow into .venv for notebook 02 (once; a minute or two)"
  .venv/bin/pip install -q $(grep -E '^mlflow==' tests/requirements.txt)
fi

echo "==> installing the gotrain kernelspec (${kernel_args[*]})"
bin/gotrain install "${kernel_args[@]}"
if [ "$want_tutorial" = 0 ] && [ "$want_lab" = 0 ]; then
  echo "==> done: $root/bin/gotrain"
fi

if [ "$want_tutorial" = 1 ]; then
  mkdir -p out
  if [ ! -e out/data/test_data.csv ]; then
    echo "==> generating the tutorial data into out/data"
    bin/gotrain data generate --out out/data
  else
    echo "==> reusing the data in out/data (rm -rf out for a fresh start)"
  fi
  if compgen -G "out/results/trial_*" >/dev/null; then
    echo "==> out/results holds an earlier run: its finished trials are reused, not retrained (rm -rf out/results to retrain)"
  fi
  echo "==> running notebooks/01-distributed-training.ipynb headless on 2 local workers (under a minute)"
  .venv/bin/python - <<'PY'
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

path = "notebooks/01-distributed-training.ipynb"
nb = nbformat.read(path, as_version=4)
steps = {}  # code cell index -> the heading of the step it belongs to
heading = ""
for i, cell in enumerate(nb.cells):
    if cell.cell_type == "markdown" and cell.source.startswith("## "):
        heading = cell.source.splitlines()[0][3:]
    elif cell.cell_type == "code":
        steps[i] = heading
shown = set()


def started(cell, cell_index, **_):
    step = steps.get(cell_index, "")
    if step and step not in shown:
        shown.add(step)
        print(f"    [{len(shown)}/{len(set(steps.values()) - {''})}] {step}", flush=True)


client = NotebookClient(nb, kernel_name="gotrain", timeout=600, resources={"metadata": {"path": "out"}},
                        on_cell_execute=started)
try:
    client.execute()
except CellExecutionError as e:
    failed = next((i for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o.output_type == "error"), None)
    where = f"the step \"{steps.get(failed, '')}\" (cell {failed + 1} of {len(nb.cells)})" if failed is not None else "a cell"
    print(f"install.sh: the tutorial notebook failed in {where}: {e.ename}: {e.evalue}", file=sys.stderr)
    print("install.sh: the executed notebook with the error is out/01-distributed-training.ipynb "
          "(open it with ./install.sh --lab); see README.md, Troubleshooting", file=sys.stderr)
    sys.exit(1)
finally:
    nbformat.write(nb, "out/01-distributed-training.ipynb")
stats = json.load(open("out/results/dominostats.json"))
print(f"==> the best model scores test accuracy {stats['Accuracy']:.4f}, test AUC {stats['AUC']:.4f} on the held-out customers")
PY
  echo "==> results in out/:"
  echo "    executed notebook   out/01-distributed-training.ipynb (open it with ./install.sh --lab)"
  echo "    best model          out/results/tune_best.xgb, out/results/tune_best.json"
  echo "    scores, trials      out/results/dominostats.json, out/results/trial_results.json"
  echo "    charts, explanation out/results/feature_importance_*.png, out/results/explanation.html"
fi

if [ "$want_lab" = 1 ]; then
  mkdir -p out
  for nb in notebooks/*.ipynb; do
    [ -e "out/$(basename "$nb")" ] || cp "$nb" out/
  done
  lab_args=(--ServerApp.ip=127.0.0.1 --ServerApp.root_dir="$root/out")
  # Hosted workspaces and containers often run as root, which JupyterLab
  # refuses without this flag; it still listens on loopback only.
  [ "$(id -u)" = 0 ] && lab_args+=(--allow-root)
  echo "==> opening JupyterLab on 127.0.0.1 in out/: open the http://127.0.0.1:…/lab?token=… address it prints below (Ctrl-C stops it)"
  exec .venv/bin/jupyter lab "${lab_args[@]}"
fi
