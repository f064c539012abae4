"""Cell execution through the real kernel and jupyter_client: output of
compiled code, live display updates, rich values declared in cells,
inspection docs, goroutine panics, interrupting a context-watching call,
and shell lines."""

import kernelcells

TIMEOUT = 60


def run(kc, code, timeout=TIMEOUT):
    return kernelcells.run(kc, code, timeout)


def stream(msgs, name):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def test_compiled_code_output_reaches_the_cell(kc):
    reply, msgs = run(kc, 'import (\n\t"log"\n\t"os"\n)\nos.Stdout.WriteString("from compiled code\\n")\nlog.SetFlags(0)\nlog.Print("a library log line")')
    assert reply["status"] == "ok", reply
    assert stream(msgs, "stdout") == "from compiled code\n"
    assert "a library log line\n" in stream(msgs, "stderr")


def test_display_updates_in_place(kc):
    reply, msgs = run(kc, 'import "github.com/gotrain/gotrain/kernel/display"\nh := display.HTML("<b>0%</b>")\nfor i := range 3 {\n\th.UpdateHTML("<b>step</b>")\n\t_ = i\n}')
    assert reply["status"] == "ok", reply
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1 and len(updates) == 3
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert display_id and all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert updates[-1]["content"]["data"]["text/html"] == "<b>step</b>"


def test_cell_declared_html_method_is_rendered(kc):
    reply, msgs = run(kc, 'type Badge struct{ Label string }\nfunc (b Badge) HTML() string { return "<span>" + b.Label + "</span>" }\nBadge{"ok"}')
    assert reply["status"] == "ok", reply
    result = [m for m in msgs if m["msg_type"] == "execute_result"]
    assert len(result) == 1
    data = result[0]["content"]["data"]
    assert data["text/html"] == "<span>ok</span>"
    assert data["text/plain"] == "{ok}"


def test_inspect_shows_the_doc_comment(kc):
    code = "display.HTML"
    msg_id = kc.inspect(code, len(code))
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id
    content = reply["content"]
    assert content["status"] == "ok" and content["found"]
    assert "func HTML(html string) *Handle" in content["data"]["text/plain"]
    assert "HTML displays" in content["data"]["text/plain"]


def test_goroutine_panic_fails_its_cell_once(kc):
    reply, msgs = run(kc, 'import "time"\ngo func() { panic("from a goroutine") }()\ntime.Sleep(300 * time.Millisecond)')
    assert reply["status"] == "error"
    errors = [m for m in msgs if m["msg_type"] == "error"]
    assert len(errors) == 1 and "from a goroutine" in errors[0]["content"]["evalue"]
    reply, _ = run(kc, "1 + 1")
    assert reply["status"] == "ok"


def test_interrupt_stops_a_call_watching_the_cell_context(kc):
    run(kc, "kept := 7")
    msg_id = kc.execute('import "github.com/gotrain/gotrain/kernel/display"\n<-display.Context().Done()\n"never"')
    # Wait until the cell runs (busy), then interrupt through the kernel
    # manager's channel: a control-channel interrupt_request.
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    interrupt = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(interrupt)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    reply, msgs = run(kc, "kept")
    assert reply["status"] == "ok"
    assert [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result"] == ["7"]


def test_shell_line_streams_its_output(kc):
    reply, msgs = run(kc, "!echo first; echo second >&2")
    assert reply["status"] == "ok", reply
    assert stream(msgs, "stdout") == "first\n"
    assert stream(msgs, "stderr") == "second\n"


def test_redefined_type_takes_effect(kc):
    reply, _ = run(kc, 'type Card struct{ Title string }\nfunc (c Card) HTML() string { return "<i>" + c.Title + "</i>" }\nfirst := Card{"a"}')
    assert reply["status"] == "ok", reply
    # A new field and a new HTML method: both in effect for the next cells.
    reply, msgs = run(kc, 'type Card struct{ Title, Note string }\nfunc (c Card) HTML() string { return "<b>" + c.Title + ":" + c.Note + "</b>" }')
    assert reply["status"] == "ok", reply
    assert "type Card is redefined" in stream(msgs, "stderr")
    reply, msgs = run(kc, 'Card{Title: "b", Note: "new"}')
    assert reply["status"] == "ok", reply
    data = [m for m in msgs if m["msg_type"] == "execute_result"][0]["content"]["data"]
    assert data["text/html"] == "<b>b:new</b>"
    # The value made before keeps the old type and its method.
    reply, msgs = run(kc, "first")
    assert [m for m in msgs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/html"] == "<i>a</i>"
    # Errors name the type as written.
    reply, msgs = run(kc, "var bad Card = 3")
    assert reply["status"] == "error"
    assert "Card" in reply["evalue"] and "gotrain" not in reply["evalue"]


def test_a_pasted_program_sees_no_arguments_like_go_run(kc):
    # `go run main.go` passes no arguments: flag.Parse leaves none and
    # os.Args holds the program alone, not the kernel's own command line.
    code = 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n)\n\nvar n = flag.Int("n", 4, "workers")\n\nfunc main() {\n\tflag.Parse()\n\tfmt.Println(*n, flag.NArg(), flag.Args(), len(os.Args))\n}\n'
    reply, msgs = run(kc, code)
    assert reply["status"] == "ok", reply
    assert stream(msgs, "stdout") == "4 0 [] 1\n"
