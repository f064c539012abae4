"""The README's Go blocks are notebook cells, and they run (issue 14,
item 5): every ```go block of README.md, in order, is executed as one cell
in a real gotrain kernel started in a folder holding the loans.csv the
README reads (a BOM, a text column, a Y/N label). Each must finish without
an error output, and a block that ends in an expression must show a value,
so a renamed field, a changed signature or a cell that stopped being valid
Go fails here instead of in a reader's notebook."""

import pathlib
import re

import kernelcells

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
EDUCATION = ["graduate school", "university", "high school"]


def go_blocks(text):
    return [m.group(1) for m in re.finditer(r"^```go\n(.*?)^```$", text, re.S | re.M)]


def loans_csv(path):
    rows = ["LIMIT_BAL,AGE,EDUCATION,PAY_0,default"]
    for i in range(600):
        late = (i * 7) % 11
        rows.append(f"{10000 + (i % 23) * 5000},{21 + i % 40},{EDUCATION[i % 3]},{late - 2},"
                    f"{'Y' if late > 6 or i % 13 == 0 else 'N'}")
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")


def ends_in_expression(block):
    last = [l for l in block.strip().splitlines() if l.strip()][-1].split("//")[0].strip()
    return not (last.startswith(("display.Check(", "import", ")")) or ":=" in last or "=" in last)


def test_readme_go_blocks_run_as_cells(tmp_path):
    blocks = go_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 8, "the README's cell examples are ```go blocks; found %d" % len(blocks)
    loans_csv(tmp_path / "loans.csv")
    with kernelcells.kernel(60, cwd=str(tmp_path)) as kc:
        for block in blocks:
            reply, msgs = kernelcells.run(kc, block, 180)
            errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
            assert reply["status"] == "ok" and not errors, (block, reply, errors)
            shown = [m for m in msgs if m["msg_type"] in ("execute_result", "display_data")]
            if ends_in_expression(block):
                assert shown, ("no value shown", block)
