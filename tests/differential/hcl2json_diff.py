#!/usr/bin/env python3
"""Differential test of cloudcomply's HCL parser against HashiCorp's.

    hcl2json_diff.py --dump BUILD/tests/hcl_dump --npm-dir DIR [--repo ROOT] [FILE.tf ...]

Parses every file twice: with HashiCorp's parser, through the @cdktf/hcl2json npm
package (installed with npm into --npm-dir on first use), and with ours, through
tests/tools/hcl_dump, which prints our syntax tree in the same JSON shape. Without FILE
arguments the files are tests/differential/corpus/*.tf and rules/**/fixtures/**/*.tf.

Prints every difference with the file and the JSON path where it sits (values are shown
after the normalisation below). Inputs on which the two parsers are known to disagree are
kept in tests/differential/known_differences/ (see its README.md), outside the default set;
pass them as FILE arguments to see their current state. Exit status: 0 when
the two agree on every file, 1 on any difference (or when hcl2json cannot be installed),
2 on bad arguments. When node or npm is not installed it prints "SKIPPED: <reason>" and
exits 0.

Both outputs are normalised before they are compared; these are all the normalisations:

 1. Expression text. hcl2json writes an expression it does not convert as
    "${<the exact source text>}"; our syntax tree does not keep source text, so hcl_dump
    re-renders the expression in a canonical spelling. Inside every "${...}" and "%{...}"
    of a string (escaped "$${" and "%%{" are literal text and are left alone), on both
    sides:
    a. comments (#, // and /* */) outside quoted strings are removed;
    b. heredocs (<<ID / <<-ID ... ID) are turned into a quoted string holding their text,
       since hcl_dump writes every template as a quoted string;
    c. every whitespace character is removed, inside nested quoted strings as well (the
       canonical spelling cannot know the original spacing, line breaks included);
    d. commas are removed outside quoted strings (newline-separated object items, trailing
       commas);
    e. template strip markers "~" right after "${" / "%{" or right before "}" are removed;
    f. the legacy index form `name.0` is written `name[0]`.
    As a consequence a difference that lies only in whitespace or commas inside an
    expression, or in the precedence of operators written without parentheses, is not seen.
 2. Numbers are compared as floating-point values: Node.js reads hcl2json's exact decimal
    output into a double, so large integers lose digits on that side.
 3. Nothing else: JSON types are compared strictly (true is not 1), object keys exactly,
    arrays in order. Literal text outside "${...}" is compared byte for byte.
Files that neither parser accepts agree; a file that only one of them accepts is a
difference.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "@cdktf/hcl2json"


# ---- normalisation --------------------------------------------------------------------

HEREDOC = re.compile(r"<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n")
# `.0` after a name, `]`, `)` or `*` (a number such as 1.5 starts with a digit, so it never matches).
LEGACY_INDEX = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*|[\])*])\.([0-9]+)(?![0-9A-Za-z_])")


def _heredoc_to_string(text, start):
    """At a heredoc opener at `start`: returns (quoted string, index after the closing marker)."""
    m = HEREDOC.match(text, start)
    marker = m.group(2)
    pos = m.end()
    lines = []
    while pos <= len(text):
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.strip() == marker:
            body = "\n".join(lines) + ("\n" if lines else "")
            escaped = body.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            return '"' + escaped + '"', pos + len(line)
        lines.append(line)
        if end < 0:
            break
        pos = end + 1
    return text[start:], len(text)


def _scan_string(text, i):
    """At an opening quote: returns (the quoted string with its nested expressions normalised,
    index after the closing quote)."""
    out = ['"']
    i += 1
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append(text[i:i + 2])
            i += 2
        elif c == '"':
            out.append('"')
            return "".join(out), i + 1
        elif text.startswith("$${", i) or text.startswith("%%{", i):
            out.append(text[i:i + 3])
            i += 3
        elif text.startswith("${", i) or text.startswith("%{", i):
            inner, i = _scan_expression(text, i + 2)
            out.append(c + "{" + normalise_expression(inner) + "}")
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def _scan_expression(text, i):
    """From just after "${" or "%{": returns (the raw text up to the matching "}", index after it)."""
    start = i
    depth = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            _, i = _scan_string(text, i)
            continue
        if text.startswith("<<", i) and HEREDOC.match(text, i):
            _, i = _heredoc_to_string(text, i)
            continue
        if c == "#" or text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        if c in "{[(":
            depth += 1
        elif c in "}])":
            if depth == 0 and c == "}":
                return text[start:i], i + 1
            depth -= 1
        i += 1
    return text[start:], len(text)


def normalise_expression(text):
    """Applies normalisations 1a-1f to the text between "${" and "}"."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            s, i = _scan_string(text, i)
            out.append(re.sub(r"\s+", "", s))
        elif text.startswith("<<", i) and HEREDOC.match(text, i):
            s, i = _heredoc_to_string(text, i)
            s, _ = _scan_string(s, 0)
            out.append(re.sub(r"\s+", "", s))
        elif c == "#" or text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        elif c.isspace() or c == ",":
            i += 1
        else:
            out.append(c)
            i += 1
    joined = "".join(out)
    joined = re.sub(r"^~|~$", "", joined)
    joined = re.sub(r"([$%]\{)~", r"\1", joined)
    joined = re.sub(r"~\}", "}", joined)
    while True:
        rewritten = LEGACY_INDEX.sub(r"\1[\2]", joined)
        if rewritten == joined:
            return joined
        joined = rewritten


def normalise_string(text):
    """Normalises every "${...}" and "%{...}" sequence of a converted string value."""
    if "${" not in text and "%{" not in text:
        return text
    out = []
    i = 0
    while i < len(text):
        if text.startswith("$${", i) or text.startswith("%%{", i):
            out.append(text[i:i + 3])
            i += 3
        elif text.startswith("${", i) or text.startswith("%{", i):
            opener = text[i]
            inner, i = _scan_expression(text, i + 2)
            out.append(opener + "{" + normalise_expression(inner) + "}")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def normalise(value):
    if isinstance(value, dict):
        return {normalise_string(k): normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        return normalise_string(value)
    if isinstance(value, bool) or value is None:
        return value
    return float(value)


# ---- comparison ----------------------------------------------------------------------


def _kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _show(v, limit=160):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= limit else s[:limit] + "..."


def differences(theirs, ours, path="$"):
    """Yields one line per place where the normalised values differ."""
    if _kind(theirs) != _kind(ours):
        yield f"{path}: hcl2json {_show(theirs)} | ours {_show(ours)}"
    elif isinstance(theirs, dict):
        for k in sorted(set(theirs) | set(ours)):
            sub = f"{path}.{k}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", k) else f"{path}[{json.dumps(k)}]"
            if k not in ours:
                yield f"{sub}: only in hcl2json: {_show(theirs[k])}"
            elif k not in theirs:
                yield f"{sub}: only in ours: {_show(ours[k])}"
            else:
                yield from differences(theirs[k], ours[k], sub)
    elif isinstance(theirs, list):
        if len(theirs) != len(ours):
            yield f"{path}: hcl2json has {len(theirs)} elements, ours {len(ours)}"
        for n, (a, b) in enumerate(zip(theirs, ours)):
            yield from differences(a, b, f"{path}[{n}]")
    elif theirs != ours:
        yield f"{path}: hcl2json {_show(theirs)} | ours {_show(ours)}"


# ---- running the two parsers ----------------------------------------------------------


def default_files(repo):
    files = sorted(glob.glob(os.path.join(HERE, "corpus", "*.tf")))
    files += sorted(glob.glob(os.path.join(repo, "rules", "**", "fixtures", "**", "*.tf"), recursive=True))
    return files


def ensure_hcl2json(npm_dir):
    """Installs the package into npm_dir when it is not there yet; returns an error or None."""
    if os.path.isdir(os.path.join(npm_dir, "node_modules", *PACKAGE.split("/"))):
        return None
    os.makedirs(npm_dir, exist_ok=True)
    manifest = os.path.join(npm_dir, "package.json")
    if not os.path.exists(manifest):
        with open(manifest, "w") as f:
            f.write('{"name":"cloudcomply-hcl2json","private":true,"version":"0.0.0"}\n')
    print(f"installing {PACKAGE} into {npm_dir}", flush=True)
    proc = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE],
                          cwd=npm_dir, capture_output=True, text=True)
    if proc.returncode != 0:
        return f"npm install {PACKAGE} failed: {proc.stderr.strip()[-2000:]}"
    return None


def run_hcl2json(npm_dir, files):
    proc = subprocess.run(["node", os.path.join(HERE, "parse_all.js"), npm_dir, *files],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"hcl2json run failed: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def run_ours(dump, path):
    proc = subprocess.run([dump, path], capture_output=True, text=True)
    if proc.returncode == 0:
        return {"ok": True, "json": json.loads(proc.stdout)}
    if proc.returncode == 1:
        return {"ok": False, "error": proc.stderr.strip()}
    raise RuntimeError(f"hcl_dump {path} exited with {proc.returncode}: {proc.stderr.strip()}")


def compare_file(theirs, ours):
    """Lines describing how the two results for one file differ (none when they agree)."""
    if not theirs["ok"] and not ours["ok"]:
        return []
    if not theirs["ok"]:
        return [f"hcl2json rejects the file ({theirs['error'][:300]}) but ours accepts it"]
    if not ours["ok"]:
        return [f"ours rejects the file ({ours['error'][:300]}) but hcl2json accepts it"]
    return list(differences(normalise(theirs["json"]), normalise(ours["json"])))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", required=True, help="the hcl_dump executable")
    parser.add_argument("--npm-dir", required=True, help="where @cdktf/hcl2json is (or gets) installed")
    parser.add_argument("--repo", default=os.path.dirname(os.path.dirname(HERE)),
                        help="repository root, for rules/**/fixtures (default: this checkout)")
    parser.add_argument("files", nargs="*", help="files to compare instead of the default set")
    args = parser.parse_args(argv)

    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            print(f"SKIPPED: {tool} is not installed, so HashiCorp's parser cannot run")
            return 0
    if not os.access(args.dump, os.X_OK):
        print(f"error: {args.dump} is not an executable", file=sys.stderr)
        return 2
    error = ensure_hcl2json(args.npm_dir)
    if error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    files = [os.path.abspath(f) for f in args.files] or default_files(args.repo)
    if not files:
        print("error: no .tf files to compare", file=sys.stderr)
        return 1
    theirs = run_hcl2json(args.npm_dir, files)
    differing = 0
    both_rejected = 0
    for path in files:
        ours = run_ours(args.dump, path)
        if not ours["ok"] and not theirs[path]["ok"]:
            both_rejected += 1
        lines = compare_file(theirs[path], ours)
        if lines:
            differing += 1
            print(f"DIFF {os.path.relpath(path, args.repo)}")
            for line in lines:
                print(f"  {line}")
    agreeing = len(files) - differing
    print(f"hcl2json_diff: {len(files)} files, {agreeing} agree ({both_rejected} rejected by both), "
          f"{differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
