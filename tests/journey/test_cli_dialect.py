"""One command-line dialect (issue 14, item 4): dashed flags with the
reference script's underscore names as aliases, a synopsis and examples in
every subcommand's --help, usage errors that exit 2 with one line and one
prefix, --token-file (and --ray-token-file, --mlflow-token-file) wherever a
secret is needed, and predict picking the model's features by name from a
CSV with extra columns."""

import os
import re
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


# Every subcommand as typed, with the secrets its help must offer a file for.
SUBCOMMANDS = {
    "data": [], "data generate": [], "data check": [], "data split": [],
    "fit": ["-token-file", "-ray-token-file"], "predict": [], "install": [], "kernel": [],
    "kernel-executor": [], "mlflow": [], "mlflow sync": ["-token-file"], "tls": [],
    "train": ["-token-file", "-ray-token-file", "-mlflow-token-file"], "version": [], "worker": ["-token-file"],
}


def test_every_subcommand_is_listed_and_tested(gotrain):
    r = run(gotrain, "help")
    listed = {line.split()[0] for line in r.stderr.split("Commands:\n")[1].split("\n\n")[0].splitlines()}
    assert listed == {c.split()[0] for c in SUBCOMMANDS}, listed


@pytest.mark.parametrize("cmd", sorted(SUBCOMMANDS))
def test_every_help_has_synopsis_examples_and_exits_0(gotrain, cmd):
    r = run(gotrain, *cmd.split(), "--help")
    assert r.returncode == 0, r
    assert r.stderr.startswith("Usage:") and f"gotrain {cmd}" in r.stderr.split("\n\n")[0], r.stderr
    examples = r.stderr.split("\nExamples:\n")[1].split("\n\n")[0].splitlines()
    assert examples and all("gotrain " in e for e in examples), r.stderr
    for flag in SUBCOMMANDS[cmd]:
        assert f"  {flag} " in r.stderr, (cmd, flag)


@pytest.mark.parametrize("cmd", sorted(SUBCOMMANDS))
def test_every_bad_flag_is_one_line_exit_2(gotrain, cmd):
    r = run(gotrain, *cmd.split(), "--no-such-flag")
    assert r.returncode == 2, r
    assert r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith(f"gotrain {cmd}: ") and "no-such-flag" in r.stderr
    assert f"'gotrain {cmd} --help'" in r.stderr, r.stderr


@pytest.mark.parametrize("args", [[], ["no-such-command"], ["data"], ["data", "nope"], ["kernel"],
                                  ["mlflow", "sync"], ["version", "extra"], ["worker", "extra"]])
def test_missing_or_unknown_commands_exit_2(gotrain, args):
    r = run(gotrain, *args)
    assert r.returncode == 2, r
    if args:  # bare `gotrain` prints the command list
        assert r.stderr.count("\n") == 1, r.stderr


@pytest.mark.parametrize("alias, flag", [(["--ray_actors", "1000", "--cpus_per_actor", "1000"], ["--spawn", "1000", "--cpus-per-worker", "1000"])])
def test_train_aliases_mean_the_same(gotrain, tmp_path, alias, flag):
    got = [run(gotrain, "train", *a, "--data", str(tmp_path / "d")) for a in (alias, flag)]
    assert [r.returncode for r in got] == [2, 2]
    assert got[0].stderr == got[1].stderr and "1000 workers × 1000 CPUs per worker" in got[0].stderr


@pytest.mark.parametrize("cmd", ["train", "fit"])
@pytest.mark.parametrize("value, flag", [("-3", "--spawn"), ("127.0.0.1:1", "--addresses")])
def test_workers_means_one_thing_on_every_command(gotrain, tmp_path, cmd, value, flag):
    """The former --workers was a count on fit and addresses on train
    (train --workers 3 dialled a host named 3); on both it is now a count
    to spawn when it is a number and addresses otherwise."""
    (tmp_path / "t.csv").write_text("a,y\n1,0\n2,1\n")
    base = {"train": ["train", "--data", str(tmp_path / "d"), "--out", str(tmp_path / "o")],
            "fit": ["fit", "--train", str(tmp_path / "t.csv"), "--label", "y", "--out", str(tmp_path / "m.json")]}[cmd]
    env = {k: v for k, v in os.environ.items() if k != "GOTRAIN_TOKEN"}
    got = [subprocess.run([gotrain, *base, f, value], capture_output=True, text=True, timeout=120, env=env) for f in ("--workers", flag)]
    assert got[0].returncode == got[1].returncode != 0, got
    last = [r.stderr.strip().splitlines()[-1] for r in got]
    assert last[0] == last[1], last
    assert ("-3" in last[0] or "at least 1" in last[0]) if flag == "--spawn" else "127.0.0.1:1" in last[0], last[0]


@pytest.mark.parametrize("alias, flag", [("--workers", "--spawn"), ("--valid", "--val")])
def test_fit_aliases_mean_the_same(gotrain, tmp_path, alias, flag):
    value = "-3" if flag == "--spawn" else str(tmp_path / "none*.csv")
    (tmp_path / "t.csv").write_text("a,y\n1,0\n2,1\n")
    base = ["fit", "--train", str(tmp_path / "t.csv"), "--label", "y", "--out", str(tmp_path / "m.json")]
    got = [run(gotrain, *base, f, value) for f in (alias, flag)]
    assert got[0].returncode == got[1].returncode != 0 and got[0].stderr == got[1].stderr, got
    assert ("--spawn -3" if flag == "--spawn" else "no file matches") in got[0].stderr, got[0].stderr


@pytest.mark.parametrize("cmd, alias, flag, value, message", [
    (["worker"], "--cpus-per-worker", "--cpus", "x", 'invalid value "x" for flag -'),
    (["data", "generate", "--out", "{tmp}/g"], "--val-shards", "--validation-shards", "-1", "must be positive"),
])
def test_other_aliases_mean_the_same(gotrain, tmp_path, cmd, alias, flag, value, message):
    """worker's --cpus is --cpus-per-worker as on fit and train; data
    generate's --validation-shards (the files' name) is also --val-shards."""
    args = [a.format(tmp=tmp_path) for a in cmd]
    got = [run(gotrain, *args, f, value) for f in (alias, flag)]
    assert got[0].returncode == got[1].returncode != 0, got
    same = [re.sub(r"for flag -[\w-]+:", "for flag:", r.stderr) for r in got]
    assert same[0] == same[1], got
    assert message in got[0].stderr, got[0].stderr


def test_version(gotrain):
    r = run(gotrain, "version")
    assert r.returncode == 0 and r.stdout.startswith("gotrain ")


@pytest.mark.parametrize("args", [
    ["mlflow", "sync", "--token-file", "{empty}", "{tmp}"],
    ["train", "--mlflow", "--mlflow-token-file", "{empty}", "--data", "{tmp}/d", "--spawn", "1", "--cpus-per-worker", "1"],
    ["train", "--ray", "auto", "--ray-token-file", "{empty}", "--data", "{tmp}/d"],
])
def test_token_files_are_read(gotrain, tmp_path, args):
    """An empty token file is refused, naming it: the flag is read, not ignored."""
    (tmp_path / "empty").write_text("\n")
    r = run(gotrain, *[a.format(empty=tmp_path / "empty", tmp=tmp_path) for a in args])
    assert r.returncode == 1, r
    assert f"token file {tmp_path / 'empty'} is empty" in r.stderr, r.stderr
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("args, message", [
    (["train", "--tune_samples", "0"], "--spawn, --cpus-per-worker, --tune-samples and --rounds must be at least 1"),
    (["train", "--tune-samples", "0"], "--spawn, --cpus-per-worker, --tune-samples and --rounds must be at least 1"),
    (["train", "--ray_actors", "0"], "must be at least 1"),
    (["train", "--spawn", "1", "--cpus_per_actor", "0"], "must be at least 1"),
    (["train", "--addresses", "127.0.0.1:1", "--ray", "auto"], "give --addresses or --ray, not both"),
    (["fit"], "gotrain fit: --train, --label and --out are required"),
    (["fit", "--train", "a.csv", "--label", "y", "--out", "m.json", "extra"], "unexpected argument"),
    (["data", "check"], "give one FILE, GLOB or comma-separated list"),
    (["data", "generate", "--train-shards", "-1"], "gotrain data generate: --train-shards, --validation-shards and --rows-per-shard must be positive"),
    (["data", "generate", "--test-fraction", "1.5"], "gotrain data generate: --test-fraction 1.5: give a share between 0 and 1"),
    (["tls"], "give --out DIR"),
    (["install", "--user", "--sys-prefix"], "choose one of"),
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
    assert 'label "default": Y = 1 (positive, the less frequent), N = 0' in r.stdout + r.stderr
    r = run(gotrain, "predict", "--model", str(model), "--data", str(tmp_path / "test.csv"), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "ignoring 2 columns the model does not use: ID, default" in r.stderr
    assert len(out.read_text().splitlines()) == 61
    (tmp_path / "short.csv").write_text("ID,AGE\nx,30\n")
    r = run(gotrain, "predict", "--model", str(model), "--data", str(tmp_path / "short.csv"), "--out", str(out))
    assert r.returncode == 1 and 'column "LIMIT", a feature of the model, is missing' in r.stderr


# A loans file as it comes: a BOM, spaces around header names, a Y/N label
# whose header has a trailing space; Y is the less frequent value overall,
# but the first file alone has more Y than N (a worker reading only it
# would pick the other value).
LOANS = ["\ufeffID, LIMIT ,default ", "\ufeffID, LIMIT ,default "]


def write_loans(tmp_path):
    rows = [[f"{i},{i % 7},{'Y' if i % 3 else 'N'}" for i in range(30)],
            [f"{i},{i % 5},{'Y' if i % 4 == 0 else 'N'}" for i in range(30, 90)]]
    paths = []
    for k, (head, body) in enumerate(zip(LOANS, rows)):
        p = tmp_path / f"loans_{k}.csv"
        p.write_text("\n".join([head] + body) + "\n", encoding="utf-8")
        paths.append(str(p))
    return ",".join(paths)


@pytest.mark.parametrize("cmd", [["data", "check", "{files}", "--drop", "ID"],
                                 ["fit", "--train", "{files}", "--drop", " ID ", "--out", "{tmp}/m.json", "--quiet"],
                                 ["fit", "--spawn", "2", "--cpus-per-worker", "1", "--train", "{files}", "--drop", "ID",
                                  "--out", "{tmp}/m.json", "--quiet"]])
@pytest.mark.parametrize("positive, note", [
    ([], 'label "default": Y = 1 (positive, the less frequent), N = 0'),
    (["--positive", "N"], 'label "default": N = 1 (positive, as asked), Y = 0'),
])
def test_every_command_states_the_labels_positive_value(gotrain, tmp_path, cmd, positive, note):
    """The exact header (trailing space and all) is accepted as --label, and
    every command that reads a Y/N label says which value is 1, the same
    way — on workers too, where the choice is made over all the files."""
    files = write_loans(tmp_path)
    args = [a.format(files=files, tmp=tmp_path) for a in cmd] + ["--label", "default "] + positive
    r = run(gotrain, *args)
    assert r.returncode == 0, r.stderr
    assert note in r.stdout, (r.stdout, r.stderr)
    if cmd[0] == "data":
        ones = 20 + 15 if not positive else 10 + 45  # Y: 20 in the first file, 15 in the second
        assert f"label default: 0: {90 - ones}" in r.stdout and f"1: {ones} " in r.stdout, r.stdout


@pytest.mark.parametrize("extra", [[], ["--one-hot"]])
def test_fit_on_workers_reads_a_yn_label_as_in_process(gotrain, tmp_path, extra):
    """With --one-hot the driver scans a schema first, which must carry the
    label's reading to the workers too."""
    files = write_loans(tmp_path)
    base = ["fit", "--train", files, "--label", "default ", "--drop", "ID", "--quiet", "--param", "max_depth=2", *extra]
    assert run(gotrain, *base, "--out", str(tmp_path / "here.json")).returncode == 0
    r = run(gotrain, *base, "--spawn", "2", "--cpus-per-worker", "1", "--out", str(tmp_path / "workers.json"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "here.json").read_bytes() == (tmp_path / "workers.json").read_bytes()


def test_fit_on_workers_with_a_file_of_one_label_value(gotrain, tmp_path):
    """A rare Y: the second worker's file holds only N. In process the
    choice is made over both files; on workers too (it used to fail with
    'holds 1 distinct values')."""
    (tmp_path / "a.csv").write_text("x,default\n" + "".join(f"{i},{'Y' if i % 4 == 0 else 'N'}\n" for i in range(40)))
    (tmp_path / "b.csv").write_text("x,default\n" + "".join(f"{i},N\n" for i in range(40, 80)))
    base = ["fit", "--train", f"{tmp_path / 'a.csv'},{tmp_path / 'b.csv'}", "--label", "default", "--quiet"]
    here = run(gotrain, *base, "--out", str(tmp_path / "here.json"))
    assert here.returncode == 0, here.stderr
    r = run(gotrain, *base, "--spawn", "2", "--cpus-per-worker", "1", "--out", str(tmp_path / "workers.json"))
    assert r.returncode == 0, r.stderr
    assert 'label "default": Y = 1 (positive, the less frequent), N = 0' in r.stdout
    assert (tmp_path / "here.json").read_bytes() == (tmp_path / "workers.json").read_bytes()
