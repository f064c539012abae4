"""stdout and stderr keep program order through the real jupyter_client:
the interpreter's fmt, log and os.Stdout/os.Stderr, compiled code writing
to fd 2 (the standard library's own logger) and a long write followed by
a short one on the other stream arrive as stream messages in the order the
cell wrote them."""

from kernelcells import collect, shell_reply

CELL = '''import ("fmt"; "log"; "os"; "strings")
compiled := log.Default() // compiled code: writes to the process's fd 2
compiled.SetFlags(0)
log.SetFlags(0)
for i := 0; i < 50; i++ {
	fmt.Println("a", i)
	fmt.Fprintln(os.Stderr, "b", i)
	os.Stdout.WriteString(fmt.Sprintln("c", i))
	compiled.Print("d ", i)
	log.Print("e ", i)
}
fmt.Print(strings.Repeat("s", 1<<20-1) + "\\n")
fmt.Fprintln(os.Stderr, "after big")'''


def expected():
    want = []
    for i in range(50):
        want += [("stdout", f"a {i}\n"), ("stderr", f"b {i}\n"), ("stdout", f"c {i}\n"), ("stderr", f"d {i}\n"), ("stderr", f"e {i}\n")]
    return want + [("stdout", "s" * (MB - 1) + "\n"), ("stderr", "after big\n")]


MB = 1 << 20


def test_interleaved_stdout_and_stderr_arrive_in_program_order(kernel):
    km, kc = kernel
    msg_id = kc.execute(CELL)
    msgs = collect(kc, msg_id, timeout=120)
    assert shell_reply(kc, msg_id, timeout=120)["content"]["status"] == "ok"
    got = []
    for m in msgs:
        if m["msg_type"] != "stream":
            continue
        for line in m["content"]["text"].splitlines(keepends=True):
            if got and got[-1][0] == m["content"]["name"] and not got[-1][1].endswith("\n"):
                got[-1] = (got[-1][0], got[-1][1] + line)  # a line split across messages
            else:
                got.append((m["content"]["name"], line))
    want = expected()
    for i, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"line {i}: got {g[0]} {g[1][:40]!r}, want {w[0]} {w[1][:40]!r}"
    assert len(got) == len(want)
