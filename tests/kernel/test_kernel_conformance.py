"""jupyter_kernel_test 0.7.0 against the installed gotrain kernelspec, with
every field of its KernelTests class filled."""

import unittest

import jupyter_kernel_test

DISPLAY = 'import "github.com/gotrain/gotrain/kernel/display"\n'


class GotrainKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "gotrain"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'import "fmt"\nfmt.Println("hello, world")'
    code_stderr = 'import (\n\t"fmt"\n\t"os"\n)\nfmt.Fprintln(os.Stderr, "to stderr")'

    # Where matches start (after "strings." or at "strings") is the
    # session's choice; test_kernel_protocol.py applies the completion and
    # checks the resulting text instead.
    completion_samples = [
        {"text": 'import "strings"\nstrings.ToUpp'},
        {"text": "x := 1\nx."},
        {"text": "fmt.Sprin"},
    ]
    complete_code_samples = ["x := 1", 'fmt.Println("hi")', "func f() int { return 1 }", "type T struct{ A int }"]
    incomplete_code_samples = ["func f() {", "for i := 0; i < 3; i++ {", "x := []int{1,", 'if true {\n\tfmt.Println("y")']
    invalid_code_samples = ["x := 1)", "}", "func ) {"]

    # Jupyter's pager payload: the session answers "%help" with a page.
    code_page_something = "%help"

    code_generate_error = 'panic("this cell fails")'

    code_execute_result = [
        {"code": "1+1", "result": "2"},
        {"code": "6 * 7", "result": "42"},
        {
            "code": 'type richHTML struct{}\nfunc (richHTML) HTML() string { return "<b>rich</b>" }\nrichHTML{}',
            "mime": "text/html",
            "result": "<b>rich</b>",
        },
    ]
    code_display_data = [
        {"code": DISPLAY + 'display.HTML("<i>shown</i>")', "mime": "text/html"},
        {"code": 'import "image"\n' + DISPLAY + "display.Image(image.NewRGBA(image.Rect(0, 0, 4, 4)))", "mime": "image/png"},
    ]

    code_history_pattern = "1?1"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = 'import "strings"\nstrings.ToUpper'

    code_clear_output = DISPLAY + 'import "fmt"\nfmt.Println("gone")\ndisplay.Clear(false)'


if __name__ == "__main__":
    unittest.main()
