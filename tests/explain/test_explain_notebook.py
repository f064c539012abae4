"""Explanations and charts show richly in a real notebook run.

A notebook run headless through nbclient with the gotrain kernel (the
binary under test, kernelspec installed into a temporary Jupyter path)
loads XGBoost's credit-card model and evaluates charts and explanations as
cell values: the charts must arrive as image/png (a real PNG), the weights
and the per-prediction explanation as text/html with their rows, each with
a text/plain fallback, and no cell may fail.
"""

import base64
import os
import pathlib

import nbformat

import gotrainbin
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "trainlib" / "model" / "testdata" / "credit_logistic.json"


CELLS = [
    """import (
	"github.com/gotrain/gotrain/trainlib/explain"
	"github.com/gotrain/gotrain/trainlib/explain/chart"
	"github.com/gotrain/gotrain/trainlib/model"
)""",
    f'm, err := model.Load("{MODEL}")',
    'if err != nil {\n\tpanic(err)\n}',
    "gainChart, err := explain.ImportanceChart(m, model.Gain, chart.ImportanceOptions{})",
    "gainChart",
    """curve, err := chart.LearningCurve(chart.EvalsResult{
	"train":      {"logloss": {0.61, 0.55, 0.5, 0.46}},
	"validation": {"logloss": {0.62, 0.57, 0.54, 0.55}},
}, chart.CurveOptions{})""",
    "curve",
    "weights, err := explain.ExplainWeights(m, explain.WeightsOptions{})",
    "weights",
    "row := make([]float32, m.NumFeature)",
    "pred, err := explain.ExplainRow(m, row, explain.PredictionOptions{Method: model.DecisionPath})",
    "pred",
]


def test_notebook_shows_png_and_html(monkeypatch):
    jupyter_path = gotrainbin.kernelspec_dir()
    old = os.environ.get("JUPYTER_PATH")
    monkeypatch.setenv("JUPYTER_PATH", jupyter_path + (os.pathsep + old if old else ""))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]
    NotebookClient(nb, kernel_name="gotrain", timeout=120, allow_errors=False).execute()

    def result(src):
        cell = next(c for c in nb.cells if c.source == src)
        outs = [o for o in cell.outputs if o.output_type in ("execute_result", "display_data")]
        assert len(outs) == 1, f"{src!r}: outputs {cell.outputs}"
        data = outs[0]["data"]
        assert data.get("text/plain"), f"{src!r}: no text/plain fallback"
        return data

    for src, title in (("gainChart", "Feature importance (gain)"), ("curve", "Learning curve (logloss)")):
        data = result(src)
        png = base64.b64decode(data["image/png"])
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), src
        assert data["text/plain"].startswith(title)

    weights = result("weights")["text/html"]
    assert "Feature weights (normalised gain)" in weights
    assert weights.count("<tr") >= 21  # header and 20 features (ELI5's default top 20)

    pred = result("pred")
    assert "&lt;BIAS&gt;" in pred["text/html"] and "decision path" in pred["text/html"]
    assert "<BIAS>" in pred["text/plain"] and "= margin" in pred["text/plain"]
