"""papermill parameters for Go notebooks run by the gotrain kernel.

papermill injects parameters as a cell written in the notebook's language.
For language "go" this package writes assignments to the variables the
notebook's `parameters` cell declares:

    // Parameters
    samples = 3
    dataDir = "/tmp/data"

Assignments (not declarations) keep each variable's type from the
parameters cell, so `samples = 3` stays an int and `eta = 0.1` a float64.
A parameter the notebook does not declare is therefore an error naming it.

The translator also reads the parameters cell back (`inspect`): every
`name = value // help` or `name type = value // help` line, alone or in a
`var ( … )` block, is a parameter, so `papermill --help-notebook NB` lists
them and papermill does not warn that passed parameters are unknown.

Importing the package registers the translator; papermill imports it on
start-up through the "papermill.engine" entry point (named "gotrain", the
nbclient engine under another name, in papermill_gotrain.engine), so
installing the package is enough, and importing it before papermill works
too.
"""

import json
import math
import re

from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators

__all__ = ["GoTranslator"]


class GoTranslator(Translator):
    """Translates Python parameter values into Go source."""

    @classmethod
    def translate_escaped_str(cls, str_val):
        # A JSON string without ASCII escaping is a valid Go interpreted
        # string literal: control characters become \\uXXXX, quotes and
        # backslashes are escaped, everything else stays UTF-8.
        return json.dumps(str(str_val), ensure_ascii=False)

    @classmethod
    def translate_none(cls, val):
        return "nil"

    @classmethod
    def translate_bool(cls, val):
        return "true" if val else "false"

    @classmethod
    def translate_int(cls, val):
        return str(int(val))

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val) or math.isinf(val):
            raise ValueError(f"parameter value {val!r}: Go has no literal for NaN or infinity; pass a finite number")
        text = repr(float(val))
        return text if any(c in text for c in ".eE") else text + ".0"

    @classmethod
    def translate_list(cls, val):
        return "[]any{" + ", ".join(cls.translate(v) for v in val) + "}"

    @classmethod
    def translate_dict(cls, val):
        items = ", ".join(f"{cls.translate_str(k)}: {cls.translate(v)}" for k, v in val.items())
        return "map[string]any{" + items + "}"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    # One declared variable: optional `var`, the name, an optional type, the
    # value, and an optional trailing // comment (its help). A value holding
    # "//" (a URL in a string) is read up to the comment that follows it.
    PARAMETER = re.compile(
        r'^\s*(?:var\s+)?(?P<name>[A-Za-z_]\w*)(?:\s+(?P<type>[\w.\[\]*]+))?\s*=\s*'
        r'(?P<value>"(?:[^"\\]|\\.)*"|`[^`]*`|[^/]*?)\s*(?://\s*(?P<help>.*))?$')

    @classmethod
    def inspect(cls, parameters_cell):
        """The variables the parameters cell declares, with their Go type
        (declared, or inferred from the literal: int, float64, string, bool,
        or the conversion such as uint64(0)), default and trailing comment."""
        params = []
        for line in parameters_cell.source.splitlines():
            m = cls.PARAMETER.match(line)
            if not m or m.group("name") in ("var", "const"):
                continue
            value = m.group("value").strip()
            params.append(Parameter(name=m.group("name"), inferred_type_name=m.group("type") or cls._go_type(value),
                                    default=value, help=(m.group("help") or "").strip()))
        return params

    @staticmethod
    def _go_type(value):
        if re.fullmatch(r"[-+]?\d+", value):
            return "int"
        if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", value):
            return "float64"
        if value.startswith(('"', "`")):
            return "string"
        if value in ("true", "false"):
            return "bool"
        conv = re.fullmatch(r"(\w+)\(.*\)", value)
        return conv.group(1) if conv else "None"

    @classmethod
    def assign(cls, name, str_val):
        if not name.isidentifier():
            raise ValueError(f"parameter name {name!r} is not a Go identifier")
        return f"{name} = {str_val}"


papermill_translators.register("go", GoTranslator)
papermill_translators.register("gotrain", GoTranslator)
