"""`gotrain kernel` refuses bad connection files with errors naming the
file and the field, and never starts half-configured."""

import json
import subprocess


def kernel(binary, *args):
    return subprocess.run([binary, "kernel", *args], capture_output=True, text=True, timeout=30)


def test_missing_connection_file(tmp_path, gotrain_bin):
    out = kernel(gotrain_bin, str(tmp_path / "absent.json"))
    assert out.returncode != 0
    assert "absent.json" in out.stderr


def test_unknown_signature_scheme(tmp_path, gotrain_bin):
    path = tmp_path / "conn.json"
    path.write_text(json.dumps({"key": "k", "signature_scheme": "hmac-md5", "ip": "127.0.0.1", "transport": "tcp"}))
    out = kernel(gotrain_bin, str(path))
    assert out.returncode != 0
    assert "conn.json" in out.stderr and "signature_scheme" in out.stderr and "hmac-sha256" in out.stderr


def test_public_address_without_key(tmp_path, gotrain_bin):
    path = tmp_path / "conn.json"
    path.write_text(json.dumps({"key": "", "ip": "0.0.0.0", "transport": "tcp"}))
    out = kernel(gotrain_bin, str(path))
    assert out.returncode != 0
    assert "without a key" in out.stderr


def test_usage(gotrain_bin):
    out = kernel(gotrain_bin)
    assert out.returncode == 2
    assert "CONNECTION_FILE" in out.stderr
