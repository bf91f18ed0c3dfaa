"""Serialises generated documents as JSON or YAML.

The YAML writer is deliberately small: it handles exactly the data the generators build
(dicts, lists, strings, numbers, booleans) and writes CloudFormation intrinsic functions
in their short tag form (!Ref, !Sub, !GetAtt, ...) the way people write them by hand, so
the YAML corpus exercises the tag handling of the reader and not only plain mappings.
"""

import json
import re

# Single-key mappings that are written as a short-form tag in YAML.
SHORT_FORMS = {
    "Ref": "!Ref",
    "Fn::Sub": "!Sub",
    "Fn::GetAtt": "!GetAtt",
    "Fn::If": "!If",
    "Fn::Equals": "!Equals",
    "Fn::Not": "!Not",
    "Fn::And": "!And",
    "Fn::Or": "!Or",
    "Fn::Join": "!Join",
    "Fn::Select": "!Select",
    "Fn::Split": "!Split",
    "Fn::FindInMap": "!FindInMap",
    "Fn::ImportValue": "!ImportValue",
    "Fn::Base64": "!Base64",
    "Fn::GetAZs": "!GetAZs",
    "Fn::Cidr": "!Cidr",
    "Condition": "!Condition",
}

_PLAIN = re.compile(r"^[A-Za-z_/$.(][A-Za-z0-9_./:@$(){}*,+=\- ]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def to_json(doc, compact=False):
    if compact:
        return json.dumps(doc, separators=(",", ":")) + "\n"
    return json.dumps(doc, indent=2) + "\n"


def _scalar(value, in_flow=False):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    s = str(value)
    if (
        s
        and _PLAIN.match(s)
        and s.lower() not in _RESERVED
        and ": " not in s
        and " #" not in s
        and not s.endswith((":", " "))
        and not _looks_numeric(s)
        and not (in_flow and any(c in s for c in ",[]{}"))
    ):
        return s
    return json.dumps(s)


def _looks_numeric(s):
    try:
        float(s)
        return True
    except ValueError:
        return s.startswith(("0x", "0o", ".")) or s[:1].isdigit()


def _short_form(value):
    """Returns (tag, argument) when value is an intrinsic written in short form."""
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        tag = SHORT_FORMS.get(key)
        if tag is None:
            return None
        arg = value[key]
        if key == "Fn::GetAtt" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            arg = ".".join(arg)
        # YAML forbids a short form directly inside another short form's scalar slot
        # (`!Base64 !Sub x`); fall back to the long form there.
        if key == "Fn::Base64" and _short_form(arg):
            return None
        return tag, arg
    return None


def _is_scalar_or_scalar_intrinsic(value):
    if not isinstance(value, (dict, list)):
        return True
    sf = _short_form(value)
    return sf is not None and not isinstance(sf[1], (dict, list))


def _is_simple(value):
    """True when value reads well on one line in flow style: a scalar, or a short list of
    scalars and intrinsics with scalar arguments (`[!Ref A, !Ref B]`)."""
    sf = _short_form(value)
    if sf:
        return _is_simple(sf[1])
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return len(value) <= 4 and all(_is_scalar_or_scalar_intrinsic(v) for v in value)
    return True


def _flow(value):
    sf = _short_form(value)
    if sf:
        return f"{sf[0]} {_flow(sf[1])}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items()) + "}"
    return _scalar(value, in_flow=True)


def _block(value, indent, out):
    """Appends the lines of a block collection at `indent` spaces."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            out.append(pad + "{}")
        for k, v in value.items():
            _entry(pad + _scalar(k) + ":", v, indent, out)
    else:
        if not value:
            out.append(pad + "[]")
        for v in value:
            _entry(pad + "-", v, indent, out, in_sequence=True)


def _entry(head, value, indent, out, in_sequence=False):
    sf = _short_form(value)
    if sf and (not isinstance(sf[1], (dict, list)) or _is_simple(sf[1])):
        out.append(f"{head} {_flow(value)}")
    elif sf:
        out.append(f"{head} {sf[0]}")
        _block(sf[1], indent + 2, out)
    elif isinstance(value, dict) and value:
        if in_sequence:
            # First key on the dash line, the rest aligned under it.
            lines = []
            _block(value, indent + 2, lines)
            lines[0] = head + " " + lines[0][indent + 2:]
            out.extend(lines)
        else:
            out.append(head)
            _block(value, indent + 2, out)
    elif isinstance(value, list) and value:
        if _is_simple(value) and in_sequence is False and len(_flow(value)) < 60:
            out.append(f"{head} {_flow(value)}")
        else:
            out.append(head)
            _block(value, indent + 2, out)
    elif isinstance(value, str) and "\n" in value:
        out.append(f"{head} |")
        for line in value.rstrip("\n").split("\n"):
            out.append(" " * (indent + 2) + line if line else "")
    else:
        out.append(f"{head} {_flow(value)}")


def to_yaml(doc):
    out = []
    _block(doc, 0, out)
    return "\n".join(out) + "\n"


def to_yaml_stream(docs):
    """Several documents in one file, separated by `---`."""
    return "---\n".join(to_yaml(d) for d in docs)
