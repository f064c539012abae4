"""One command-line dialect (issue 14, item 4): dashed flags with the
reference script's underscore names as aliases, a synopsis and examples in
--help, usage errors that exit 2 with one line and one prefix, and predict
picking the model's features by name from a CSV with extra columns."""

import subprocess

import pytest


def run(gotrain, *args, timeout=120):
    return subprocess.run([gotrain, *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("cmd", ["train", "fit", "predict"])
def test_help_has_synopsis_and_examples(gotrain, cmd):
    r = run(gotrain, cmd, "--help")
    assert r.returncode == 0
    assert r.stderr.startswith(f"Usage: gotrain {cmd} ") and "\nExamples:\n" in r.stderr, r.stderr
    if cmd != "predict":
        for flag in ["-spawn", "-addresses", "-cpus-per-worker", "-token-file"]:
            assert flag in r.stderr, (cmd, flag)


@pytest.mark.parametrize("args, message", [
    (["train", "--tune_samples", "0"], "--spawn, --cpus-per-worker, --tune-samples and --rounds must be at least 1"),
    (["train", "--tune-samples", "0"], "--spawn, --cpus-per-worker, --tune-samples and --rounds must be at least 1"),
    (["train", "--ray_actors", "0"], "must be at least 1"),
    (["train", "--spawn", "1", "--cpus_per_actor", "0"], "must be at least 1"),
    (["train", "--addresses", "127.0.0.1:1", "--ray", "auto"], "give --addresses or --ray, not both"),
    (["fit"], "gotrain fit: --train, --label and --out are required"),
    (["predict"], "gotrain predict: --model, --data and --out are required"),
    (["predict", "--model", "m", "--data", "d", "--out", "o", "--contribs", "--approx-contribs"], "choose one of"),
    (["fit", "--no-such-flag"], "no-such-flag"),
])
def test_usage_errors_exit_2_with_one_line(gotrain, args, message):
    r = run(gotrain, *args)
    assert r.returncode == 2, r
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "fit: fit:" not in r.stderr and "predict: predict:" not in r.stderr


def test_predict_picks_features_by_name(gotrain, tmp_path):
    train = ["LIMIT,AGE,default "] + [f"{i % 7},{20 + i % 30},{'Y' if i % 3 == 2 else 'N'}" for i in range(60)]
    test = ["ID,AGE,default ,LIMIT"] + [f"c{i},{20 + i % 30},{'Y' if i % 3 == 2 else 'N'},{i % 7}" for i in range(60)]
    (tmp_path / "train.csv").write_text("\n".join(train) + "\n")
    (tmp_path / "test.csv").write_text("\n".join(test) + "\n")
    model, out = tmp_path / "m.json", tmp_path / "p.csv"
    r = run(gotrain, "fit", "--train", str(tmp_path / "train.csv"), "--label", "default ", "--out", str(model), "--quiet")
    assert r.returncode == 0, r.stderr
    assert 'label "default ": Y = 1 (positive), N = 0' in r.stdout + r.stderr
    r = run(gotrain, "predict", "--model", str(model), "--data", str(tmp_path / "test.csv"), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "ignoring 2 columns the model does not use: ID, default" in r.stderr
    assert len(out.read_text().splitlines()) == 61
    (tmp_path / "short.csv").write_text("ID,AGE\nx,30\n")
    r = run(gotrain, "predict", "--model", str(model), "--data", str(tmp_path / "short.csv"), "--out", str(out))
    assert r.returncode == 1 and 'column "LIMIT", a feature of the model, is missing' in r.stderr
