"""`gotrain kernel` refuses bad connection files with errors naming the
file and the field, and never starts half-configured."""

import json
import subprocess


def kernel(binary, *args):
    return subprocess.run([binary, "kernel", *args], capture_output=True, text=True, timeout=30)


def test_missing_connection_file(tmp_path, gotrain):
    out = kernel(gotrain, str(tmp_path / "absent.json"))
    assert out.returncode != 0
    assert "absent.json" in out.stderr


def test_unknown_signature_scheme(tmp_path, gotrain):
    path = tmp_path / "conn.json"
    path.write_text(json.dumps({"key": "k", "signature_scheme": "hmac-md5", "ip": "127.0.0.1", "transport": "tcp"}))
    out = kernel(gotrain, str(path))
    assert out.returncode != 0
    assert "conn.json" in out.stderr and "signature_scheme" in out.stderr and "hmac-sha256" in out.stderr


def test_public_address_without_key(tmp_path, gotrain):
    path = tmp_path / "conn.json"
    path.write_text(json.dumps({"key": "", "ip": "0.0.0.0", "transport": "tcp"}))
    out = kernel(gotrain, str(path))
    assert out.returncode != 0
    assert "without a key" in out.stderr


def test_usage(gotrain):
    out = kernel(gotrain)
    assert out.returncode == 2
    assert "CONNECTION_FILE" in out.stderr


def _running(pid):
    """True while pid exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_kernel_exits_when_its_parent_dies(tmp_path, gotrain):
    """A kernel whose starter (the Jupyter server) died shuts itself down
    instead of lingering as an orphan holding five ports."""
    import time
    from jupyter_client.connect import write_connection_file

    conn, _ = write_connection_file(str(tmp_path / "conn.json"), ip="127.0.0.1")
    log = tmp_path / "kernel.log"
    # sh starts the kernel in the background, waits until it serves (it has
    # noted its parent by then) and exits: the kernel is re-parented, as
    # when a Jupyter server is killed.
    script = ('GOTRAIN_KERNEL_DEBUG=1 "$0" kernel "$1" 2>"$2" </dev/null >/dev/null & echo $!; '
              'i=0; until grep -q serving "$2" || [ $i -ge 300 ]; do sleep 0.1; i=$((i+1)); done')
    out = subprocess.run(["sh", "-c", script, gotrain, conn, str(log)],
                         capture_output=True, text=True, timeout=60, check=True)
    pid = int(out.stdout.strip())
    deadline = time.monotonic() + 60  # a bound for a loaded machine, not a speed claim
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = _running(pid)
    if alive:
        subprocess.run(["kill", "-9", str(pid)])
    assert not alive, "kernel still running after its parent died"
    assert "is gone; shutting down" in log.read_text()
