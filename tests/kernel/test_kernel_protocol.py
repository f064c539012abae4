"""The kernel's protocol behaviour seen through the real jupyter_client:
interrupts, shutdown, stdin, comms, queueing, large and late output, and
hostile frames sent by a raw zmq socket."""

import json
import os
import signal
import time
import uuid

import pytest
import zmq
from jupyter_client.session import Session

from kernelcells import TIMEOUT, collect, errors_of, result_of, run, shell_reply, stdout_of


def start_cell(kc, code, **kw):
    """Send a cell and wait until the kernel reports it busy with it."""
    msg_id = kc.execute(code, **kw)
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return msg_id
    raise AssertionError("the cell never started")


def interrupt_by_message(km):
    km.interrupt_kernel()  # interrupt_mode "message": interrupt_request on control


def interrupt_by_signal(km):
    os.kill(km.provisioner.process.pid, signal.SIGINT)


BLOCKING_CELLS = {
    "busy loop": "n := 0\nfor {\n\tn++\n}",
    "channel receive": "<-make(chan int)",
    "sleep": 'import "time"\ntime.Sleep(time.Hour)',
}


@pytest.mark.parametrize("interrupt", [interrupt_by_message, interrupt_by_signal], ids=["message", "SIGINT"])
@pytest.mark.parametrize("cell", list(BLOCKING_CELLS.values()), ids=list(BLOCKING_CELLS))
def test_interrupt(kernel, interrupt, cell):
    km, kc = kernel
    reply, _ = run(kc, "kept := 41")
    assert reply["status"] == "ok", reply
    msg_id = start_cell(kc, cell)
    interrupt(km)
    reply = shell_reply(kc, msg_id)["content"]
    assert reply["status"] == "error"
    assert isinstance(reply["traceback"], list)
    assert km.is_alive()
    reply, msgs = run(kc, "kept + 1")
    assert reply["status"] == "ok", reply
    assert result_of(msgs) == "42"


def test_sigint_when_idle_does_not_kill(kernel):
    """Clients send SIGINT to an idle kernel (before shutdown, say): the
    kernel lives, the session works, and the next cell is not interrupted
    however soon it follows (the kernel ignores SIGINT between cells, so
    the system drops the signal as it is sent)."""
    km, kc = kernel
    assert result_of(run(kc, "1")[1]) == "1"  # the session has loaded
    for _ in range(3):
        interrupt_by_signal(km)
        reply, msgs = run(kc, "40 + 2")
        assert reply["status"] == "ok", reply
        assert km.is_alive()
        assert result_of(msgs) == "42"


def test_shutdown_on_control_while_cell_runs(kernel):
    km, kc = kernel
    start_cell(kc, "for {\n}")
    msg_id = kc.shutdown(restart=False)
    reply = kc.control_channel.get_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["msg_type"] == "shutdown_reply"
    assert reply["content"] == {"status": "ok", "restart": False}
    proc = km.provisioner.process
    assert proc.wait(timeout=TIMEOUT) is not None


def test_shutdown_echoes_restart(kernel):
    km, kc = kernel
    kc.shutdown(restart=True)
    reply = kc.control_channel.get_msg(timeout=TIMEOUT)
    assert reply["content"]["restart"] is True


def test_kernel_info_on_control_while_cell_runs(kernel):
    km, kc = kernel
    start_cell(kc, "for {\n}")
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]
    assert reply["content"]["language_info"]["name"] == "go"
    assert kc.is_alive()  # heartbeat answers while the cell runs
    interrupt_by_message(km)


def test_stdin_round_trip(kernel):
    km, kc = kernel
    prompts, outputs = [], []

    def answer(msg):
        prompts.append(msg["content"]["prompt"])
        kc.input("gopher")

    code = 'import "fmt"\nvar name string\nfmt.Print("name? ")\nfmt.Scanln(&name)\nfmt.Println("hello,", name)'
    reply = kc.execute_interactive(code, allow_stdin=True, stdin_hook=answer, timeout=TIMEOUT, output_hook=lambda m: outputs.append(m))
    assert reply["content"]["status"] == "ok", reply["content"]
    assert len(prompts) == 1
    assert "hello, gopher" in stdout_of(outputs)


def test_allow_stdin_false_never_asks(kernel):
    km, kc = kernel
    code = 'import "fmt"\nvar name string\n_, err := fmt.Scanln(&name)\nfmt.Println("err:", err != nil)'
    msg_id = kc.execute(code, allow_stdin=False)
    reply = shell_reply(kc, msg_id)["content"]
    msgs = collect(kc, msg_id)
    with pytest.raises(Exception):
        kc.get_stdin_msg(timeout=0.5)
    # Either the read fails inside the cell or the cell fails; never a prompt.
    assert reply["status"] == "error" or "err: true" in stdout_of(msgs)


def test_comm_info_and_unknown_comm(kernel):
    km, kc = kernel
    reply = kc.comm_info(reply=True, timeout=TIMEOUT)["content"]
    assert reply == {"status": "ok", "comms": {}}
    comm_id = uuid.uuid4().hex
    msg = kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}})
    kc.shell_channel.send(msg)
    closes = [m for m in collect(kc, msg["header"]["msg_id"]) if m["msg_type"] == "comm_close"]
    assert len(closes) == 1 and closes[0]["content"]["comm_id"] == comm_id


def test_hundred_queued_executes_answered_in_order(kernel):
    km, kc = kernel
    ids = [kc.execute(f"{i} + 1") for i in range(100)]
    counts = []
    for msg_id in ids:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["status"] == "ok", reply["content"]
        counts.append(reply["content"]["execution_count"])
    assert counts == list(range(counts[0], counts[0] + 100))


def test_ten_megabytes_of_output_arrive_whole(kernel):
    km, kc = kernel
    code = 'import (\n\t"fmt"\n\t"strings"\n)\nline := strings.Repeat("x", 99)\nfor i := 0; i < 100000; i++ {\n\tfmt.Println(line)\n}'
    # Read iopub while the cell runs, as notebook frontends do: 10 MB is
    # more than the sockets buffer, so a client that waits for the shell
    # reply first leaves the kernel blocked on a full iopub pipe.
    msg_id = kc.execute(code)
    msgs = collect(kc, msg_id, timeout=300)
    reply = shell_reply(kc, msg_id, timeout=300)["content"]
    assert reply["status"] == "ok", reply
    text = stdout_of(msgs)
    assert len(text) == 10_000_000
    assert text == ("x" * 99 + "\n") * 100_000
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    assert len(streams) < 100_000 / 10, "stream output was not coalesced"


def test_goroutine_output_after_the_cell_ended(kernel):
    km, kc = kernel
    code = 'import (\n\t"fmt"\n\t"time"\n)\ngo func() {\n\ttime.Sleep(300 * time.Millisecond)\n\tfmt.Println("late hello")\n}()'
    reply, _ = run(kc, code)
    assert reply["status"] == "ok", reply
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["msg_type"] == "stream" and "late hello" in msg["content"]["text"]:
            return
    raise AssertionError("goroutine output never arrived")


def test_goroutine_output_is_labelled_with_its_cell(kernel):
    """What a goroutine started by one cell prints while a later cell runs
    reaches that later cell (the one a client listens to) with every line
    labelled as the earlier cell's; the later cell's own lines are not."""
    km, kc = kernel
    reply, _ = run(kc, 'import "fmt"\nready, printed := make(chan bool), make(chan bool)\n'
                       'go func() { <-ready; fmt.Println("from the goroutine\\nsecond line"); printed <- true }()')
    assert reply["status"] == "ok", reply
    first = reply["execution_count"]
    reply, msgs = run(kc, 'fmt.Println("own line")\nready <- true\n<-printed')
    assert reply["status"] == "ok", reply
    label = f"[from cell [{first}]] "
    assert stdout_of(msgs) == f"own line\n{label}from the goroutine\n{label}second line\n", msgs


def _raw_dealer(km):
    info = km.get_connection_info()
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    return sock, info


def test_malformed_and_unsigned_frames_are_dropped(kernel):
    km, kc = kernel
    sock, info = _raw_dealer(km)
    wrong = Session(key=b"not the key")
    unsigned = Session(key=b"")
    good = Session(key=info["key"] if isinstance(info["key"], bytes) else info["key"].encode())
    try:
        sock.send_multipart([b"just one frame"])
        sock.send_multipart([b"<IDS|MSG>"])
        sock.send_multipart([b"<IDS|MSG>", b"sig", b"{not json", b"{}", b"{}", b"{}"])
        sock.send_multipart([b"<IDS|MSG>", b"", b"\xff\xfe", b"[]", b"1", b"null"])
        wrong.send(sock, "execute_request", {"code": "x := 1"})
        unsigned.send(sock, "execute_request", {"code": "x := 1"})
        big = json.dumps({"code": "x" * (40 << 20)}).encode()
        good.send(sock, "execute_request", content=None, buffers=[big])
        # The kernel is still there and answers on its own socket.
        good.send(sock, "kernel_info_request", {})
        assert sock.poll(TIMEOUT * 1000), "no reply after hostile frames"
        reply = good.recv(sock, mode=0)[1]
        assert reply["msg_type"] == "kernel_info_reply"
    finally:
        sock.close()
    assert kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]["status"] == "ok"
    reply, msgs = run(kc, "1 + 1")
    assert result_of(msgs) == "2"


def test_error_is_reported_once_with_list_traceback(kernel):
    km, kc = kernel
    reply, msgs = run(kc, 'panic("boom")')
    assert reply["status"] == "error"
    errs = errors_of(msgs)
    assert len(errs) == 1
    assert isinstance(errs[0]["content"]["traceback"], list)
    assert all(isinstance(line, str) for line in errs[0]["content"]["traceback"])


def test_completion_applies_to_the_expected_name(kernel):
    km, kc = kernel
    code = 'import "strings"\nstrings.ToUpp'
    reply = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
    assert reply["status"] == "ok"
    done = {code[: reply["cursor_start"]] + m + code[reply["cursor_end"] :] for m in reply["matches"]}
    assert 'import "strings"\nstrings.ToUpper' in done


def test_cursor_positions_count_code_points(kernel):
    km, kc = kernel
    code = 's := "héllo"\ns.'
    reply = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
    assert reply["cursor_end"] == len(code)  # Python counts code points
