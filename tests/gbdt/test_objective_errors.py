"""Wrong combinations of data and objective, as a user meets them in
`gotrain fit`: a label outside [0, num_class), a fractional class, a
negative count for Poisson, a zero target for gamma, a constraint naming a
feature the data lacks, multi-class without num_class. Each fails with one
error naming the file, line and column of the row (also when the rows load
on a spawned worker) or the parameter, says what is expected, and writes
no model.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/gbdt/test_objective_errors.py"""

import subprocess

import pytest

ROWS = "a,b,y\n1,2,0\n2,3,1\n3,4,2\n4,5,{bad}\n5,6,1\n"

CASES = [
    # (label on line 5, params, extra flags, what the error must contain)
    ("3", ["objective=multi:softprob", "num_class=3"], [],
     ["train.csv:5:5", 'column "y"', '"3"', "a class number 0, 1, …, 2 (multi:softprob with num_class=3)"]),
    ("1.5", ["objective=multi:softmax", "num_class=3"], [], ["train.csv:5:5", '"1.5"', "a class number"]),
    ("-2", ["objective=count:poisson"], [], ["train.csv:5:5", '"-2"', "a non-negative label, a count (count:poisson)"]),
    ("0", ["objective=reg:gamma"], [], ["train.csv:2:5", "a positive label (reg:gamma)"]),
    ("3", ["objective=multi:softprob", "num_class=3"], ["--spawn", "1"], ["train.csv:5:5", "a class number 0, 1, …, 2"]),
    ("1", ["objective=reg:squarederror", 'monotone_constraints={"debt":1}'], [],
     ['monotone_constraints={"debt":1}', '"debt" is not a feature of the data (features: a, b)']),
    ("1", ["objective=reg:squarederror", 'interaction_constraints=[["a","debt"]]'], [],
     ['interaction_constraints=[["a","debt"]]', '"debt" is not a feature']),
    ("1", ["objective=reg:squarederror", "monotone_constraints=(1,0,1)"], [], ["monotone_constraints=(1,0,1)", "3 values for 2 features"]),
    ("1", ["objective=multi:softprob"], [], ["objective=multi:softprob needs num_class"]),
]


@pytest.mark.parametrize("bad,params,extra,want", CASES,
                         ids=["class-too-big", "class-fraction", "poisson-negative", "gamma-zero", "class-on-worker",
                              "monotone-unknown", "interaction-unknown", "monotone-too-many", "no-num-class"])
def test_wrong_combination_names_the_place(gotrain, tmp_path, bad, params, extra, want):  # noqa: F811
    (tmp_path / "train.csv").write_text(ROWS.format(bad=bad))
    out = tmp_path / "m.json"
    cmd = [gotrain, "fit", "--train", str(tmp_path / "train.csv"), "--label", "y", "--rounds", "2", "--out", str(out), *extra]
    for p in params:
        cmd += ["--param", p]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    err = r.stderr.strip().splitlines()[-1]
    for w in want:
        assert w in err, f"{w!r} not in the error: {err}"
    assert "panic" not in r.stderr and not out.exists()
