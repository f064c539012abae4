"""Our explanations against XGBoost itself (the real one, from the venv).

XGBoost trains a small model on the bundled credit-card data here (seeded,
some values knocked out so missing values take their default branch); then
trainlib/explain/internal/explaintool explains it with package explain and
these tests compare:

- TreeSHAP contributions with XGBoost's pred_contribs, and decision-path
  contributions with its approx_contribs (the values ELI5 shows);
- each explanation's margin with XGBoost's output_margin and the
  probability with its prediction, and that the rows sum to the margin;
- the global weights with XGBoost's gain importance normalised to sum to
  1, which is what ELI5's explain_weights shows for an XGBoost model;
- the batch job's files: feature_importance_{gain,weight,cover}.png, each
  its own chart, and explanation.html, well-formed, self-contained, with a
  row for every feature.
"""

import html.parser
import json
import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parents[2]
CREDIT = ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv"
LABEL = "default.payment.next.month"
SEED = 20261125


@pytest.fixture(scope="module")
def explaintool(tmp_path_factory):
    exe = tmp_path_factory.mktemp("bin") / "explaintool"
    subprocess.run(["go", "build", "-o", str(exe), "./trainlib/explain/internal/explaintool"], cwd=ROOT, check=True)
    return exe


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A model XGBoost trained, saved as JSON, and rows to explain."""
    tmp = tmp_path_factory.mktemp("xgb")
    df = pd.read_csv(CREDIT, nrows=4000).drop(columns=["ID"])
    y = df.pop(LABEL).to_numpy()
    x = df.to_numpy(dtype=np.float32)
    rng = np.random.default_rng(SEED)
    x[rng.random(x.shape) < 0.05] = np.nan
    d = xgb.DMatrix(x, label=y, missing=np.nan, feature_names=list(df.columns))
    params = {"objective": "binary:logistic", "eta": 0.3, "max_depth": 4, "seed": SEED, "nthread": 1, "eval_metric": "logloss"}
    bst = xgb.train(params, d, num_boost_round=25)
    model = tmp / "model.json"
    bst.save_model(str(model))
    rows = pd.DataFrame(x[:12], columns=df.columns)
    rows_csv = tmp / "rows.csv"
    rows.to_csv(rows_csv, index=False, na_rep="", float_format="%.9g")
    return bst, model, rows_csv, rows


def run(tool, *args):
    r = subprocess.run([str(tool), *map(str, args)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


def ours(tool, model, rows_csv, method, tmp_path):
    out = tmp_path / f"{method}.json"
    run(tool, "contribs", "-method", method, model, rows_csv, out)
    return json.loads(out.read_text())


@pytest.mark.parametrize("method,approx", [("shap", False), ("path", True)])
def test_contributions_match_xgboost(explaintool, trained, tmp_path, method, approx):
    bst, model, rows_csv, rows = trained
    d = xgb.DMatrix(rows.to_numpy(dtype=np.float32), missing=np.nan, feature_names=list(rows.columns))
    want = bst.predict(d, pred_contribs=True, approx_contribs=approx)
    margins = bst.predict(d, output_margin=True)
    probs = bst.predict(d)
    got = ours(explaintool, model, rows_csv, method, tmp_path)
    assert len(got) == len(rows)
    for i, e in enumerate(got):
        ours_row = [e["contributions"][f] for f in rows.columns] + [e["bias"]]
        np.testing.assert_allclose(ours_row, want[i], atol=2e-5, err_msg=f"row {i}")
        assert abs(sum(e["contributions"].values()) + e["bias"] - e["margin"]) < 1e-9
        assert abs(e["margin"] - margins[i]) < 2e-5
        assert abs(e["probability"] - probs[i]) < 1e-6
        mags = [abs(e["contributions"][f]) for f in e["order"]]
        assert mags == sorted(mags, reverse=True), f"row {i} not sorted by |contribution|"


def test_weights_are_normalised_gain(explaintool, trained, tmp_path):
    bst, model, _, _ = trained
    out = tmp_path / "weights.json"
    run(explaintool, "weights", model, out)
    got = json.loads(out.read_text())["weights"]
    gain = bst.get_score(importance_type="gain")
    total = sum(gain.values())
    assert set(got) == set(gain)
    for f, v in gain.items():
        assert abs(got[f] - v / total) < 1e-6, f


class _Rows(html.parser.HTMLParser):
    """Collects table rows' cell texts and checks every tag closes in order."""

    VOID = {"meta", "img", "br", "link", "input", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.rows, self.row, self.cell, self.srcs = [], [], None, None, []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.srcs.append(dict(attrs).get("src", ""))
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.srcs.append(dict(attrs).get("src", ""))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag in ("td", "th"):
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr":
            self.rows.append(self.row)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_batch_files(explaintool, trained, tmp_path):
    bst, model, rows_csv, rows = trained
    r = run(explaintool, "files", model, rows_csv, tmp_path)
    charts = [tmp_path / f"feature_importance_{k}.png" for k in ("gain", "weight", "cover")]
    blobs = [c.read_bytes() for c in charts]
    for c, b in zip(charts, blobs):
        assert b.startswith(b"\x89PNG\r\n\x1a\n"), c
    assert len(set(blobs)) == 3, "each importance kind must be its own chart"

    page = (tmp_path / "explanation.html").read_text(encoding="utf-8")
    p = _Rows()
    p.feed(page)
    p.close()
    assert p.stack == [], f"unclosed tags {p.stack}"
    assert "http://" not in page and "https://" not in page
    # Three importance charts, then one contribution chart per row.
    assert len(p.srcs) == 3 + len(rows)
    assert all(s.startswith("data:image/png;base64,") for s in p.srcs)
    weight_rows = {row[1] for row in p.rows if len(row) == 2}
    for f in bst.get_score(importance_type="gain"):
        assert f in weight_rows, f"weights table has no row for {f}"
    # One explanation table per row, each ending in the bias and the margin.
    assert sum(1 for row in p.rows if row[1:2] == ["<BIAS>"]) == len(rows)
    assert sum(1 for row in p.rows if row[1:2] == ["margin"]) == len(rows)
    assert "Feature weights (normalised gain)" in r.stdout
    assert r.stdout.count("<BIAS>") == len(rows)
