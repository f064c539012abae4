"""Training from cells through a real kernel (issue 14, item 2): workers
connected in one cell serve the next cells until Close, a tuned model's
importance chart names the data's features, and display.Check shows an
error as the cell's error without a panic."""

import pathlib

import kernelcells

ROWS = "".join(f"{i % 17},{i % 5},{(i * 7) % 11},{'Y' if (i % 17) > 11 else 'N'}\n" for i in range(400))


def run(kc, code, status="ok"):
    reply, msgs = kernelcells.run(kc, code, 120)
    assert reply["status"] == status, (reply, msgs)
    return reply, msgs


def text_of(msgs):
    return "".join(m["content"].get("data", {}).get("text/plain", "") for m in msgs
                   if m["msg_type"] in ("execute_result", "display_data"))


def test_connect_train_close_across_cells(kc, tmp_path: pathlib.Path):
    path = tmp_path / "loans.csv"
    path.write_text("LIMIT_BAL,AGE,PAY_0,default\n" + ROWS, encoding="utf-8")
    run(kc, 'import (\n\t"github.com/gotrain/gotrain/kernel/display"\n\t"github.com/gotrain/gotrain/trainlib"\n'
            '\t"github.com/gotrain/gotrain/trainlib/frame"\n\t"github.com/gotrain/gotrain/trainlib/gbdt"\n'
            '\t"github.com/gotrain/gotrain/trainlib/tune"\n\t"github.com/gotrain/gotrain/trainlib/explain"\n'
            '\t"github.com/gotrain/gotrain/trainlib/explain/chart"\n)')
    # Connect with the cell's context: the workers must outlive the cell.
    run(kc, 'cl, err := trainlib.Connect(display.Context(), trainlib.Cluster{Spawn: 2})\ndisplay.Check(err)')
    run(kc, f'f, err := frame.Read("{path}", frame.Options{{Label: "default"}})\ndisplay.Check(err)\n'
            'ds, err := f.Dataset()\ndisplay.Check(err)\n'
            'display.Check(cl.SendDataset(display.Context(), "train", ds, 2))\n'
            'display.Check(cl.SendDataset(display.Context(), "val", ds, 2))')
    _, msgs = run(kc, 'res, err := cl.Train(display.Context(), gbdt.DefaultParams(), gbdt.Options{})\ndisplay.Check(err)\nlen(res.Model.Trees)')
    assert text_of(msgs) == "10"
    _, msgs = run(kc, 'tuned, err := trainlib.Tune(display.Context(), cl, tune.Options{Samples: 2, Metric: "val-logloss"})\ndisplay.Check(err)\n'
                      'c, err := explain.ImportanceChart(tuned.BestModel, "gain", chart.ImportanceOptions{})\ndisplay.Check(err)\nc')
    shown = text_of(msgs)
    assert "LIMIT_BAL" in shown and "f0" not in shown, shown
    run(kc, 'display.Check(cl.Close())')
    _, msgs = run(kc, '_, err = cl.Train(display.Context(), gbdt.DefaultParams(), gbdt.Options{})\ndisplay.Check(err)', status="error")
    errs = [m["content"] for m in msgs if m["msg_type"] == "error"]
    assert len(errs) == 1 and errs[0]["ename"] == "Error", errs
    assert "cluster: closed: connect again" in errs[0]["evalue"]
    tb = "\n".join(errs[0]["traceback"])
    assert "panic" not in tb and "goroutine" not in tb, tb


def test_check_of_nil_does_nothing(kc):
    _, msgs = run(kc, 'import "github.com/gotrain/gotrain/kernel/display"\ndisplay.Check(nil)\n"after"')
    assert text_of(msgs) == '"after"'
