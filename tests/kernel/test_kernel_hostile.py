"""Hostile cells: each is answered with exactly one error, the kernel
lives on, and the next cell still sees state defined before."""

import pytest

from kernelcells import TIMEOUT, collect, errors_of, result_of, run, shell_reply

HOSTILE = {
    "panic": 'panic("boom")',
    "panic with error value": 'import "errors"\npanic(errors.New("wrapped"))',
    "os.Exit": 'import "os"\nos.Exit(3)',
    "log.Fatal": 'import "log"\nlog.Fatal("fatal in a cell")',
    "log.Panic": 'import "log"\nlog.Panic("log panic")',
    # (yaegi drops `_ = *p` unevaluated, so the value is used)
    "nil pointer dereference": "var p *int\nn := *p + 1\n_ = n",
    "nil struct pointer field": "type hostileT struct{ A int }\nvar tp *hostileT\ntp.A",
    "index out of range": "var a []int\ni := 5\n_ = a[i]",
    "array index out of range": "var arr [3]int\nj := 7\narr[j] = 1",
    "integer division by zero": "zero := 0\n_ = 1 / zero",
    "nil map write": "var m map[string]int\nm[\"a\"] = 1",
    "failed type assertion": 'var v interface{} = "s"\n_ = v.(int)',
    "double close": "ch := make(chan int)\nclose(ch)\nclose(ch)",
    "nil func call": "var f func()\nf()",
    "huge allocation": "huge := make([]byte, 1<<50)\n_ = huge",
    "goroutine panic": 'import "time"\ngo func() { panic("in a goroutine") }()\ntime.Sleep(500 * time.Millisecond)',
    "runtime.Goexit": 'import "runtime"\nruntime.Goexit()',
    "undefined name": "undefinedName + 1",
    "type mismatch": 'bad := "s" + 1\n_ = bad',
    "syntax error": "func (",
    "unknown import": 'import "no/such/package"',
    "wrong argument count": 'import "strings"\nstrings.Repeat("x")',
    "unknown method": 'import "errors"\nerrors.New("e").NoSuchMethod()',
    "unterminated string": 's := "never closed\n_ = s',
}


@pytest.fixture(scope="module")
def stateful(shared_kernel):
    km, kc = shared_kernel
    reply, _ = run(kc, "hostileState := 41")
    assert reply["status"] == "ok", reply
    return km, kc


@pytest.mark.parametrize("code", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_cell(stateful, code):
    km, kc = stateful
    reply, msgs = run(kc, code)
    assert reply["status"] == "error", reply
    errs = errors_of(msgs)
    assert len(errs) == 1, [m["msg_type"] for m in msgs]
    tb = errs[0]["content"]["traceback"]
    assert isinstance(tb, list) and all(isinstance(line, str) for line in tb)
    assert km.is_alive()
    reply, msgs = run(kc, "hostileState + 1")
    assert reply["status"] == "ok", reply
    assert result_of(msgs) == "42"


def test_infinite_loop_then_interrupt(stateful):
    km, kc = stateful
    msg_id = kc.execute("for {\n}")
    while True:  # wait for the cell to start
        m = kc.get_iopub_msg(timeout=TIMEOUT)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_input":
            break
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id)["content"]
    assert reply["status"] == "error"
    assert len(errors_of(collect(kc, msg_id))) == 1
    reply, msgs = run(kc, "hostileState + 1")
    assert result_of(msgs) == "42"


def test_range_over_int_works_like_go_1_22(stateful):
    # yaegi v0.16.1 panics inside its compiler on this; the session must
    # run it as Go 1.22 does, and the kernel must live on either way.
    km, kc = stateful
    reply, msgs = run(kc, 'import "fmt"\nfor i := range 5 {\n\tfmt.Print(i)\n}')
    assert reply["status"] == "ok", reply
    assert "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream") == "01234"
    reply, msgs = run(kc, "hostileState + 1")
    assert result_of(msgs) == "42"
