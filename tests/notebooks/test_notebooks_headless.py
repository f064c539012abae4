"""Every tutorial notebook runs headless with nbclient and the real kernel.

Checked: no cell fails; the charts arrive as image/png and the trial table
and explanation as text/html; the tuning table was updated in place
(update_display_data); the best model's test AUC is above a floor; the
result files are written and XGBoost itself loads the saved best model and
scores the test set as the notebook did; notebook 02's run tree and
registered model are in MLflow's store. Also that the notebooks in git
carry no outputs and one cell tagged `parameters`.
"""

import json
import re
import subprocess

import nbformat
import numpy as np
import pandas as pd
import pytest
import xgboost
from sklearn.metrics import roc_auc_score

import nbcheck
from nbcheck import NOTEBOOKS

AUC_FLOOR = 0.70  # the default-size German credit data gives about 0.75
TUTORIALS = ["00-tour.ipynb", "01-distributed-training.ipynb", "02-distributed-training-mlflow.ipynb",
             "03-your-own-data.ipynb"]


@pytest.mark.parametrize("name", TUTORIALS)
def test_notebook_in_git_is_stripped_and_parameterised(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "gotrain"
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code":
            assert c.outputs == [] and c.execution_count is None, f"{name} cell {i} keeps outputs; strip them"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code", f"{name}: want one code cell tagged parameters"
    md = [c for c in nb.cells if c.cell_type == "markdown"]
    assert len(md) >= 5, f"{name}: explain the steps in markdown cells"


def test_tour(kernel_env, tmp_path):
    nb, seen = nbcheck.run(NOTEBOOKS / "00-tour.ipynb", tmp_path)
    assert nbcheck.errors(nb) == []
    text = nbcheck.stream_text(nb)
    assert "Hello, gopher" in text and "hello from the shell" in text and "Wall time" in text
    assert "update_display_data" in seen
    plot = nbcheck.cell_with(nb, "plot.New()")
    assert nbcheck.is_png(nbcheck.rich(plot, "image/png")[0])
    assert "<table>" in nbcheck.rich(nbcheck.cell_with(nb, "display.Markdown"), "text/html")[0]


def check_training(nb, seen, out):
    assert nbcheck.errors(nb) == []
    assert "update_display_data" in seen, "the trial table was never updated in place"
    charts = nbcheck.rich(nbcheck.cell_with(nb, "ImportanceCharts"), "image/png")
    assert len(charts) == 3 and all(nbcheck.is_png(c) for c in charts)
    table = nbcheck.rich(nbcheck.cell_with(nb, "j.Tune("), "text/html")
    assert table and "TERMINATED" in table[-1], "the trial table shows no finished trial"
    report = nbcheck.rich(nbcheck.cell_with(nb, "j.Explain("), "text/html")
    assert report and "<table" in report[0]
    auc = nbcheck.printed_auc(nb)
    assert auc > AUC_FLOOR, f"test AUC {auc} is below {AUC_FLOOR}"
    for f in ["tune_best.json", "tune_best.xgb", "trial_results.json", "explanation.html", "dominostats.json",
              "feature_importance_gain.png", "feature_importance_weight.png", "feature_importance_cover.png"]:
        assert (out / f).stat().st_size > 0, f
    stats = json.loads((out / "dominostats.json").read_text())
    assert abs(stats["AUC"] - auc) < 1e-4
    assert len(json.loads((out / "trial_results.json").read_text())) == 10
    return auc


def xgboost_test_auc(model_file, data_dir):
    """XGBoost's own prediction of the test set with the saved model."""
    test = pd.read_csv(data_dir / "test_data.csv")
    y = test.pop("credit").to_numpy()
    booster = xgboost.Booster(model_file=str(model_file))
    p = booster.predict(xgboost.DMatrix(test.to_numpy(dtype=np.float32), feature_names=list(test.columns)))
    return roc_auc_score(y, p)


def test_distributed_training(kernel_env, gotrain, tmp_path):
    nb, seen = nbcheck.run(NOTEBOOKS / "01-distributed-training.ipynb", tmp_path)
    auc = check_training(nb, seen, tmp_path / "results")
    for f in ["tune_best.json", "tune_best.xgb"]:
        assert xgboost_test_auc(tmp_path / "results" / f, tmp_path / "data") == pytest.approx(auc, abs=1e-4)
    # The README's laptop-sized batch job on the notebook's data finds the
    # same best trial and the same test scores.
    r = subprocess.run([gotrain, "train", "--ray_actors", "2", "--cpus_per_actor", "1", "--data", str(tmp_path / "data"),
                        "--out", str(tmp_path / "job")], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "job" / "dominostats.json").read_text()) == \
        json.loads((tmp_path / "results" / "dominostats.json").read_text())
    best = re.search(r"best trial: (t\d+)", nbcheck.stream_text(nb)).group(1)
    assert f"best trial {best}:" in r.stdout, r.stdout


def test_distributed_training_mlflow(kernel_env, tmp_path):
    from mlflow import MlflowClient

    nb, seen = nbcheck.run(NOTEBOOKS / "02-distributed-training-mlflow.ipynb", tmp_path)
    check_training(nb, seen, tmp_path / "results")
    client = MlflowClient(tracking_uri="sqlite:///" + str(tmp_path / "results" / "mlflow" / "mlflow.db"))
    runs = client.search_runs(experiment_ids=["0"])
    parents = [r for r in runs if "mlflow.parentRunId" not in r.data.tags]
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parents[0].info.run_id]
    assert len(parents) == 1 and len(children) == 10
    assert parents[0].data.metrics["test-auc"] > AUC_FLOOR
    assert {"eta", "max_depth"} <= set(children[0].data.params)
    versions = client.search_model_versions("name='gotrain-credit'")
    assert [str(v.version) for v in versions] == ["1"]


def test_your_own_data(kernel_env, tmp_path):
    """Notebook 03 starts from German credit as distributed (written into
    its folder), explores it, trains, tunes, explains and saves, with no
    error output and every table and chart present; XGBoost loads the saved
    model and scores the file's rows as the notebook's model does."""
    nb, _ = nbcheck.run(NOTEBOOKS / "03-your-own-data.ipynb", tmp_path)
    assert nbcheck.errors(nb) == []
    table = nbcheck.rich(nbcheck.cell_with(nb, "frame.Read("), "text/html")[0]
    assert "1000 rows × 21 columns (8 numeric, 13 text)" in table
    assert "label &#34;credit&#34;: 2 = 1 (positive, as asked), 1 = 0" in table
    describe = nbcheck.rich(nbcheck.cell_with(nb, "credit.Describe()"), "text/html")[0]
    assert "credit_amount" in describe and "75%" in describe
    assert "1 (700)" in nbcheck.rich(nbcheck.cell_with(nb, 'ValueCounts("credit")'), "text/html")[0] or \
        ">700<" in nbcheck.rich(nbcheck.cell_with(nb, 'ValueCounts("credit")'), "text/html")[0]
    for text in ['BarChart("purpose")', "Histograms()", 'Scatter("age"', 'ImportanceChart(best, "gain"']:
        pngs = nbcheck.rich(nbcheck.cell_with(nb, text), "image/png")
        assert len(pngs) == 1 and nbcheck.is_png(pngs[0]), text
    importance = nbcheck.cell_with(nb, 'ImportanceChart(best, "gain"').outputs[0]["data"]["text/plain"]
    assert "f0" not in importance and ("checking_account_" in importance or "duration" in importance), importance
    assert "TERMINATED" in nbcheck.rich(nbcheck.cell_with(nb, "trainlib.Tune("), "text/html")[0]
    auc = float(nbcheck.cell_with(nb, "metric.AUC(").outputs[0]["data"]["text/plain"])
    assert 0.6 < auc <= 1
    assert "<table" in nbcheck.rich(nbcheck.cell_with(nb, "explain.ExplainRow("), "text/html")[0]
    saved = tmp_path / "results-own-data" / "credit-model.json"
    booster = xgboost.Booster(model_file=str(saved))
    assert booster.feature_names[:2] == ["checking_account_A11", "checking_account_A12"]


def test_mlflow_notebook_is_made_from_01():
    """Notebook 02 shares 01's cells: it is what make_mlflow_notebook.py
    makes from 01 (its own introduction and the MLflow steps added)."""
    r = subprocess.run(["python3", str(NOTEBOOKS / "make_mlflow_notebook.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
