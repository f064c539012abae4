"""nbclient runs a small notebook — display, update in place, a gonum plot,
printed output and an error — through the gotrain kernel; its saved outputs
are checked as a user would see them."""

import base64

import nbformat
from nbclient import NotebookClient

CELLS = [
    'import (\n\t"fmt"\n\t"github.com/gotrain/gotrain/kernel/display"\n)\nh := display.HTML("<b>start</b>")',
    'h.UpdateHTML("<b>done</b>")',
    'import (\n\t"gonum.org/v1/plot"\n\t"gonum.org/v1/plot/plotter"\n)\n'
    "p := plot.New()\np.Title.Text = \"line\"\nline, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})\n"
    "p.Add(line)\ndisplay.Plot(p)",
    'fmt.Println("hello from the notebook")',
    'panic("an error in a notebook")',
    "21 * 2",
]


def test_notebook_runs_with_outputs():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]
    nb.metadata["kernelspec"] = {"name": "gotrain", "display_name": "Go (gotrain)", "language": "go"}
    NotebookClient(nb, kernel_name="gotrain", timeout=120, allow_errors=True).execute()
    c = nb.cells

    shown = [o for o in c[0].outputs if o.output_type == "display_data"]
    assert len(shown) == 1
    assert shown[0].data["text/html"] == "<b>done</b>", "update_display_data did not update in place"

    plots = [o for o in c[2].outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(plots) == 1
    assert base64.b64decode(plots[0].data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"

    assert [o.text for o in c[3].outputs if o.output_type == "stream"] == ["hello from the notebook\n"]

    errors = [o for o in c[4].outputs if o.output_type == "error"]
    assert len(errors) == 1 and "an error in a notebook" in errors[0].evalue + "".join(errors[0].traceback)

    results = [o for o in c[5].outputs if o.output_type == "execute_result"]
    assert results and results[0].data["text/plain"] == "42"
    assert c[5].execution_count is not None
