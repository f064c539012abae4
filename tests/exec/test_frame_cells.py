"""Exploring a CSV from cells through a real kernel (issue 14, item 1): the
frame renders as an HTML table, Describe and ValueCounts as tables, charts
as PNG, a Go predicate filters rows, and the Y/N label reads as 1/0 with
its positive value stated."""

import pathlib

import kernelcells

CSV = ("\ufeffID,LIMIT,EDUCATION,AGE,default \n"
       + "".join(f"{i},{1000 * (i % 7 + 1)},{['university', 'high school', 'graduate'][i % 3]},{20 + i % 50},{'Y' if i % 4 == 0 else 'N'}\n"
                 for i in range(1, 201)))


def run(kc, code):
    reply, msgs = kernelcells.run(kc, code, 60)
    assert reply["status"] == "ok", (reply, msgs)
    return msgs


def bundles(msgs):
    return [m["content"]["data"] for m in msgs if m["msg_type"] in ("execute_result", "display_data")]


def test_explore_a_csv_from_cells(kc, tmp_path: pathlib.Path):
    path = tmp_path / "loans.csv"
    path.write_text(CSV, encoding="utf-8")
    run(kc, 'import "github.com/gotrain/gotrain/trainlib/frame"')
    run(kc, f'f, err := frame.Read("{path}", frame.Options{{Label: "default "}})')
    shown = bundles(run(kc, "f"))
    html = shown[0]["text/html"]
    assert "<table" in html and "200 rows × 5 columns (3 numeric, 2 text)" in html
    assert 'label &#34;default&#34;: Y = 1 (positive, the less frequent), N = 0' in html
    assert "text" in html and "number" in html

    desc = bundles(run(kc, "f.Describe()"))[0]["text/html"]
    assert "graduate (67), high school (67), university (66)" in desc and "mean" in desc and "75%" in desc

    counts = bundles(run(kc, 'vc, _ := f.ValueCounts("EDUCATION")\nvc'))[0]["text/html"]
    assert "graduate" in counts and "33.5%" in counts

    n = bundles(run(kc, 'f.Filter(func(r frame.Row) bool { return r.Num("AGE") >= 60 }).Rows()'))[0]["text/plain"]
    assert n == "40"

    for cell in ("h, _ := f.Histograms()\nh", 'b, _ := f.BarChart("EDUCATION")\nb', 's, _ := f.Scatter("AGE", "LIMIT")\ns'):
        png = bundles(run(kc, cell))[0]
        assert png.get("image/png"), (cell, png.keys())

    labels = bundles(run(kc, "ds, _ := f.Dataset()\nds.Label[:4]"))[0]["text/plain"]
    assert labels == "[0 0 0 1]"


def test_head_tail_select_and_the_positive_value_from_cells(kc, tmp_path: pathlib.Path):
    """Head, Tail and Select as tables; the header's spaces do not matter to
    Select; Positive overrides the less frequent value, and the table says
    so."""
    path = tmp_path / "loans2.csv"
    path.write_text(CSV.replace("ID,LIMIT,", "ID,  LIMIT ,"), encoding="utf-8")
    run(kc, 'import "github.com/gotrain/gotrain/trainlib/frame"')
    run(kc, f'g, err := frame.Read("{path}", frame.Options{{Label: " default ", Positive: "N"}})')
    head = bundles(run(kc, "g.Head(3)"))[0]["text/html"]
    assert "3 rows × 5 columns" in head and ">1<" in head and ">3<" in head and ">4<" not in head, head
    tail = bundles(run(kc, "g.Tail(2)"))[0]["text/plain"]
    assert "2 rows × 5 columns" in tail and "199" in tail and "200" in tail, tail
    sel = bundles(run(kc, 'sel, err := g.Select("AGE", " LIMIT")\nsel.Names()'))[0]["text/plain"]
    assert sel == "[AGE LIMIT]", sel
    note = bundles(run(kc, "g.LabelNote()"))[0]["text/plain"]
    assert note == '"label \\"default\\": N = 1 (positive, as asked), Y = 0"', note
    labels = bundles(run(kc, "gd, _ := g.Dataset()\ngd.Label[:4]"))[0]["text/plain"]
    assert labels == "[1 1 1 0]"
