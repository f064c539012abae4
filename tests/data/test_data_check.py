"""`gotrain data check`: CSV read exactly as training reads it, from a real
process; problems come back with file, line and column and exit status 1."""

import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BAD = os.path.join(ROOT, "trainlib", "data", "testdata", "bad")
GOOD = os.path.join(ROOT, "trainlib", "data", "testdata", "good")


def check(gotrain, *args):
    return subprocess.run([gotrain, "data", "check", *args], capture_output=True, text=True, timeout=120)


def test_good_file_reports_shape_balance_and_missing(gotrain):
    res = check(gotrain, os.path.join(GOOD, "mixed_spellings.csv"), "--label", "label", "--drop", "ID", "--binary-label")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        "6 rows, 2 features",
        "label label: 0: 3 (50.0%) 1: 3 (50.0%)",
        "missing: amount 2",
        "missing: rate 3",
    ]


def test_german_credit_needs_names_and_one_hot(gotrain, tmp_path):
    german = os.path.join(ROOT, "trainlib", "datasets", "german.data")
    names = ("checking_account,duration,credit_history,purpose,credit_amount,savings,employment_since,"
             "installment_rate,status,debtors_guarantors,residence,property,age,other_installments,"
             "housing,credits,job,dependents,telephone,foreign_worker,credit")
    res = check(gotrain, "--sep", " ", "--label", "credit", german)
    assert res.returncode == 1
    assert "the first line looks like data, not a header" in res.stderr
    res = check(gotrain, "--sep", " ", "--names", names, "--label", "credit", german)
    assert res.returncode == 1
    assert 'german.data:1:1: column "checking_account": got "A11"' in res.stderr and "--one-hot" in res.stderr
    res = check(gotrain, "--sep", " ", "--names", names, "--label", "credit", "--one-hot", german)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0] == "1000 rows, 61 features"


@pytest.mark.parametrize("name,args,where", [
    ("ragged_short.csv", ["--label", "label"], "ragged_short.csv:3:4:"),
    ("text_in_numeric.csv", ["--label", "label"], 'text_in_numeric.csv:3:4: column "income": got "lots"'),
    ("label_not_binary.csv", ["--label", "label", "--binary-label"], 'label_not_binary.csv:4:5: column "label": got "2"'),
    ("invalid_utf8.csv", ["--label", "label"], "invalid_utf8.csv:3:2:"),
])
def test_bad_file_names_the_place(gotrain, name, args, where):
    res = check(gotrain, os.path.join(BAD, name), *args)
    assert res.returncode == 1 and res.stdout == ""
    assert where in res.stderr, res.stderr
    assert "panic" not in res.stderr
