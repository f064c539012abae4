"""Training from cells through a real kernel (issue 14, item 2): workers
connected in one cell serve the next cells until Close, a tuned model's
importance chart names the data's features (trainlib.Tune, and tune.Run over
cl.Holders() too), display.Check shows an error as
the cell's error without a panic, and a nil context is the cell's: an
interrupt stops a training run started with nil (trainlib/cellctx)."""

import pathlib
import time

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
    run(kc, 'import (\n\t"fmt"\n\t"github.com/gotrain/gotrain/kernel/display"\n\t"github.com/gotrain/gotrain/trainlib"\n'
            '\t"github.com/gotrain/gotrain/trainlib/frame"\n\t"github.com/gotrain/gotrain/trainlib/gbdt"\n'
            '\t"github.com/gotrain/gotrain/trainlib/tune"\n\t"github.com/gotrain/gotrain/trainlib/explain"\n'
            '\t"github.com/gotrain/gotrain/trainlib/explain/chart"\n)')
    # Connect with the cell's context (display.Context(), or nil, which
    # stands for it): the workers must outlive the cell.
    run(kc, 'cl, err := trainlib.Connect(display.Context(), trainlib.Cluster{Spawn: 2})\ndisplay.Check(err)')
    run(kc, f'f, err := frame.Read("{path}", frame.Options{{Label: "default"}})\ndisplay.Check(err)\n'
            'ds, err := f.Dataset()\ndisplay.Check(err)\n'
            'display.Check(cl.SendDataset(nil, "train", ds, 2))\n'
            'display.Check(cl.SendDataset(nil, "val", ds, 2))')
    _, msgs = run(kc, 'res, err := cl.Train(nil, gbdt.DefaultParams(), gbdt.Options{})\ndisplay.Check(err)\nlen(res.Model.Trees)')
    assert text_of(msgs) == "10"
    interrupt_a_long_training(kc)
    callbacks_and_early_stopping(kc, tmp_path)
    _, msgs = run(kc, 'tuned, err := trainlib.Tune(nil, cl, tune.Options{Samples: 2, Metric: "val-logloss"})\ndisplay.Check(err)\n'
                      'c, err := explain.ImportanceChart(tuned.BestModel, "gain", chart.ImportanceOptions{})\ndisplay.Check(err)\nc')
    shown = text_of(msgs)
    assert "LIMIT_BAL" in shown and "f0" not in shown, shown
    # tune.Run straight over the workers' holders, no FeatureNames given:
    # the names come with the data the holders hold.
    _, msgs = run(kc, 'raw, err := tune.Run(nil, cl.Holders(), tune.Options{Samples: 1, Metric: "val-logloss"})\ndisplay.Check(err)\n'
                      'rc, err := explain.ImportanceChart(raw.BestModel, "weight", chart.ImportanceOptions{})\ndisplay.Check(err)\nrc')
    shown = text_of(msgs)
    assert "LIMIT_BAL" in shown and "f0" not in shown, shown
    # A search space of the cell's own (Ray Tune's loguniform, randint,
    # choice) and an ASHA scheduler.
    _, msgs = run(kc, 'asha, err := tune.NewASHA(1, 2, 10)\ndisplay.Check(err)\n'
                      'space := tune.Space{"eta": tune.LogUniform{Low: 0.05, High: 0.5}, "max_depth": tune.IntInclusive(2, 4),\n'
                      '\t"min_child_weight": tune.Choice{Values: []any{0.5, 1.0, 2.0}}}\n'
                      'spaced, err := tune.Run(nil, cl.Holders(), tune.Options{Space: space, Samples: 3, Seed: 5, Scheduler: asha, Metric: "val-logloss"})\n'
                      'display.Check(err)\n'
                      'fmt.Sprint(len(spaced.Trials), " ", spaced.Best.Config["max_depth"])')
    assert text_of(msgs) in ('"3 2"', '"3 3"', '"3 4"'), msgs
    run(kc, 'display.Check(cl.Close())')
    _, msgs = run(kc, '_, err = cl.Train(nil, gbdt.DefaultParams(), gbdt.Options{})\ndisplay.Check(err)', status="error")
    errs = [m["content"] for m in msgs if m["msg_type"] == "error"]
    assert len(errs) == 1 and errs[0]["ename"] == "Error", errs
    assert "cluster: closed: connect again" in errs[0]["evalue"]
    tb = "\n".join(errs[0]["traceback"])
    assert "panic" not in tb and "goroutine" not in tb, tb


def callbacks_and_early_stopping(kc, tmp_path):
    """A callback written in the cell sees every round under the names the
    cell gave its eval sets and stops training when it returns true; early
    stopping (XGBoost's early_stopping_rounds) watches the last eval set."""
    # The holdout's labels are the training data's flipped: its loss rises
    # from the first rounds on, so early stopping must stop well before 500.
    flipped = tmp_path / "flipped.csv"
    flipped.write_text("LIMIT_BAL,AGE,PAY_0,default\n" + ROWS.replace(",Y\n", ",y\n").replace(",N\n", ",Y\n").replace(",y\n", ",N\n"))
    run(kc, f'hf, err := frame.Read("{flipped}", frame.Options{{Label: "default", Positive: "Y"}})\ndisplay.Check(err)\n'
            'hd, err := hf.Dataset()\ndisplay.Check(err)\ndisplay.Check(cl.SendDataset(nil, "holdout", hd, 2))')
    _, msgs = run(kc, 'seen := []string{}\n'
                      'cb := func(r gbdt.RoundReport) bool {\n'
                      '\tseen = append(seen, fmt.Sprintf("%d:%s", r.Round, r.Evals[len(r.Evals)-1].Set))\n'
                      '\treturn r.Round == 2\n}\n'
                      'stopped, err := cl.Train(nil, gbdt.DefaultParams(), gbdt.Options{Evals: []string{"train", "holdout"}, Callback: cb})\n'
                      'display.Check(err)\nfmt.Sprint(len(stopped.Model.Trees), seen)')
    assert text_of(msgs) == '"3 [0:holdout 1:holdout 2:holdout]"', msgs
    _, msgs = run(kc, 'pe := gbdt.DefaultParams()\npe.NumBoostRound, pe.EarlyStoppingRounds, pe.Eta = 500, 3, 1\n'
                      'early, err := cl.Train(nil, pe, gbdt.Options{Evals: []string{"train", "holdout"}})\ndisplay.Check(err)\n'
                      'len(early.Model.Trees) < 500 && len(early.History["holdout"]["logloss"]) == len(early.Model.Trees)')
    assert text_of(msgs) == "true", msgs


def interrupt_a_long_training(kc):
    """A million rounds started with a nil context, interrupted once the
    cell printed that it is entering the compiled call. The kernel ends an
    interrupted cell either way; only if the training saw the cell's
    context does it stop, leaving the workers free for the next training
    (without trainlib/cellctx that one fails behind the abandoned run)."""
    msg_id = kc.execute('p := gbdt.DefaultParams()\np.NumBoostRound = 1000000\nfmt.Println("training")\n'
                        '_, err = cl.Train(nil, p, gbdt.Options{})\ndisplay.Check(err)')
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and "training" in msg["content"]["text"]):
            break
    kc.control_channel.send(kc.session.msg("interrupt_request", {}))
    reply = kernelcells.shell_reply(kc, msg_id, 60)["content"]
    kernelcells.collect(kc, msg_id, 60)
    assert reply["status"] == "error", reply
    assert reply["ename"] == "Interrupted" or "context canceled" in reply.get("evalue", ""), reply
    _, msgs = run(kc, 'again, err := cl.Train(nil, gbdt.DefaultParams(), gbdt.Options{})\ndisplay.Check(err)\nlen(again.Model.Trees)')
    assert text_of(msgs) == "10"


def test_check_of_nil_does_nothing(kc):
    _, msgs = run(kc, 'import "github.com/gotrain/gotrain/kernel/display"\ndisplay.Check(nil)\n"after"')
    assert text_of(msgs) == '"after"'


def alive(pid):
    """Whether pid runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_stop_when_the_kernel_shuts_down():
    """Workers connected from a cell and never closed stop with the kernel:
    its shutdown leaves no worker process behind."""
    with kernelcells.kernel(60) as kc:
        run(kc, 'import (\n\t"fmt"\n\t"github.com/gotrain/gotrain/kernel/display"\n\t"github.com/gotrain/gotrain/trainlib"\n)')
        _, msgs = run(kc, 'cl, err := trainlib.Connect(nil, trainlib.Cluster{Spawn: 2})\ndisplay.Check(err)\n'
                          'for _, w := range cl.Status(nil).Workers {\n\tfmt.Println(w.PID)\n}')
        pids = [int(p) for p in "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream").split()]
        assert len(pids) == 2 and all(alive(p) for p in pids), pids
    deadline = time.time() + 30  # a bound on the wait, not a timing assertion
    while any(alive(p) for p in pids) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in pids), [p for p in pids if alive(p)]
