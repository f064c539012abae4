#!/usr/bin/env bash
# docs/screenshot.sh — retake docs/jupyterlab.png, the README's picture of
# JupyterLab running notebooks/01-distributed-training.ipynb.
#
# It runs the real-browser test (tests/notebooks/test_jupyterlab_browser.py:
# JupyterLab from .venv, Debian's chromium driven by Playwright, every cell
# run) and keeps its screenshot. Needs what ./install.sh --test sets up.
# GOTRAIN_BIN=PATH uses that gotrain instead of building bin/gotrain.
# Look at the picture before you commit it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! .venv/bin/python -c "import playwright, jupyterlab, nbclient" 2>/dev/null; then
  echo "docs/screenshot.sh: .venv lacks JupyterLab or Playwright; run ./install.sh --test first" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "docs/screenshot.sh: Debian's chromium is not installed; run ./install.sh --test first (or apt-get install chromium)" >&2
  exit 1
fi
if [ -z "${GOTRAIN_BIN:-}" ]; then
  echo "==> building bin/gotrain"
  go build -o bin/gotrain ./cmd/gotrain
  GOTRAIN_BIN=$PWD/bin/gotrain
fi
echo "==> running the tutorial in JupyterLab and chromium (a minute or two)"
GOTRAIN_BIN=$GOTRAIN_BIN GOTRAIN_SCREENSHOT=$PWD/docs/jupyterlab.png \
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/notebooks/test_jupyterlab_browser.py
echo "==> wrote docs/jupyterlab.png"
