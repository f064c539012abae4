#!/usr/bin/env bash
# install.sh — build gotrain and install its Jupyter kernel. Idempotent.
#
#   ./install.sh            build bin/gotrain, install the "Go (gotrain)" kernel for this user
#   ./install.sh --test     also set up .venv with the pinned test peers (tests/requirements.txt)
#                           and Debian's chromium for the browser test; the kernel goes into .venv
#   ./install.sh --prefix DIR   install the kernelspec under DIR/share/jupyter/kernels
#
# JUPYTER_DATA_DIR is honoured by the kernelspec installer.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

want_test=0
kernel_args=(--user)
while [ $# -gt 0 ]; do
  case "$1" in
    --test) want_test=1 ;;
    --user) kernel_args=(--user) ;;
    --prefix) kernel_args=(--prefix "$2"); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see ./install.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

command -v go >/dev/null || { echo "install.sh: Go 1.26 or newer is needed: https://go.dev/doc/install" >&2; exit 1; }

echo "==> building bin/gotrain"
go build -o bin/gotrain ./cmd/gotrain

if [ "$want_test" = 1 ]; then
  stamp=.venv/.requirements.sha256
  sum=$(sha256sum tests/requirements.txt | cut -d' ' -f1)
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

if bin/gotrain help 2>&1 | grep -q '^  install '; then
  echo "==> installing the gotrain kernelspec (${kernel_args[*]})"
  bin/gotrain install "${kernel_args[@]}"
fi
echo "==> done: $root/bin/gotrain"
