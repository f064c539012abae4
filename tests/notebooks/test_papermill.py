"""papermill runs the notebooks with injected parameters through the Go
translator (tests/papermill-gotrain, installed into the venv).

The injected cell must be Go the kernel accepts (assignments to the
parameters cell's variables, strings escaped as Go literals) and the values
must take effect: the greeting names the injected name, the tuning run
makes the injected number of trials into the injected folders.
"""

import json
import subprocess
import sys

import nbformat
import papermill
from papermill.inspection import inspect_notebook
from papermill.translators import translate_parameters
from papermill_gotrain import GoTranslator

import nbcheck
from nbcheck import NOTEBOOKS


def test_translator_package_imports_before_papermill():
    """Importing the translator first (as a user's script may) registers it;
    it used to hit a circular import of papermill's engines."""
    code = ("import papermill_gotrain, papermill\n"
            "print(papermill.translators.papermill_translators.find_translator('gotrain', 'go').__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "GoTranslator"


def test_translator_writes_go():
    code = translate_parameters("gotrain", "go", {"n": 3, "eta": 1.0, "s": 'a"b\\c\n', "on": True, "xs": [1, "x"],
                                                  "m": {"k": None}}, "Parameters")
    assert code.splitlines() == [
        "// Parameters", "n = 3", "eta = 1.0", 's = "a\\"b\\\\c\\n"', "on = true", 'xs = []any{1, "x"}',
        'm = map[string]any{"k": nil}']


def test_translator_reads_the_parameters_cell():
    """papermill --help-notebook lists the Go parameters, with types, defaults
    and the comments as help."""
    params = inspect_notebook(str(NOTEBOOKS / "01-distributed-training.ipynb"))
    assert list(params) == ["workers", "cpusPerWorker", "samples", "rounds", "seed", "dataDir", "outDir"]
    assert params["samples"]["inferred_type_name"] == "int" and params["samples"]["default"] == "10"
    assert params["seed"]["inferred_type_name"] == "uint64"
    assert params["dataDir"]["inferred_type_name"] == "string" and params["dataDir"]["default"] == '"data"'
    assert params["samples"]["help"] == "tuning trials"
    cell = nbformat.v4.new_code_cell('var eta float64 = 1 // learning rate\nurl = "http://x//y" // where\nn := 3')
    assert [(p.name, p.inferred_type_name, p.default, p.help) for p in GoTranslator.inspect(cell)] == [
        ("eta", "float64", "1", "learning rate"), ("url", "string", '"http://x//y"', "where")]


def test_tour_with_injected_name(kernel_env, tmp_path):
    name = 'pa"per\\mill ü'
    out = tmp_path / "tour.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / "00-tour.ipynb"), str(out), parameters={"name": name, "waitSeconds": 0},
                               kernel_name="gotrain", cwd=str(tmp_path), progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    assert nbcheck.errors(nb) == []
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert "Hello, " + name in nbcheck.stream_text(nb)


def test_training_with_injected_sizes(kernel_env, tmp_path, caplog):
    out = tmp_path / "run.ipynb"
    params = {"samples": 3, "rounds": 5, "dataDir": str(tmp_path / "d"), "outDir": str(tmp_path / "o")}
    papermill.execute_notebook(str(NOTEBOOKS / "01-distributed-training.ipynb"), str(out), parameters=params,
                               kernel_name="gotrain", cwd=str(tmp_path), progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    assert nbcheck.errors(nb) == []
    trials = json.loads((tmp_path / "o" / "trial_results.json").read_text())
    assert len(trials) == 3
    assert (tmp_path / "d" / "test_data.csv").exists()
    assert nbcheck.printed_auc(nb) > 0.6
    assert "unknown parameter" not in caplog.text and "introspection" not in caplog.text, caplog.text
