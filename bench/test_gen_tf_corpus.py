#!/usr/bin/env python3
"""Tests of the Terraform corpus generator. Run: python3 -m unittest discover -s bench -p 'test_*.py'"""

import glob
import json
import os
import re
import statistics
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_tf_corpus  # noqa: E402
from test_gen_corpus import tree_digest  # noqa: E402


def generate(out, *args):
    with open(os.devnull, "w") as null:
        saved, sys.stdout = sys.stdout, null
        try:
            gen_tf_corpus.main(["--out", out, "--jobs", "2", *args])
        finally:
            sys.stdout = saved


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# ---- an independent count of resource instances ----------------------------------------
# Reads the generated text back and expands count and for_each for the forms the generator
# writes, so the generator's own bookkeeping is checked against what its files say.

RESOURCE = re.compile(r'^resource "([^"]+)" "([^"]+)" \{\n(.*?)^\}', re.M | re.S)


def parse_value(text, scope, instances):
    text = text.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    if text.startswith('"'):
        return json.loads(text)
    m = re.fullmatch(r"var\.(\w+)", text)
    if m:
        return scope[m.group(1)]
    m = re.fullmatch(r"(.+) \? 1 : 0", text)
    if m:
        return 1 if parse_value(m.group(1), scope, instances) else 0
    m = re.fullmatch(r"toset\((.*)\)", text, re.S)
    if m:
        return set(parse_value(m.group(1), scope, instances))
    m = re.fullmatch(r"\[(.*)\]", text, re.S)
    if m:
        return [parse_value(x, scope, instances) for x in m.group(1).split(",") if x.strip()]
    m = re.fullmatch(r"\{ for pair in setproduct\(var\.(\w+), var\.(\w+)\) : .* => pair \}", text)
    if m:
        return [(a, b) for a in scope[m.group(1)] for b in scope[m.group(2)]]
    m = re.fullmatch(r"\{ for k, v in var\.(\w+) : k => v if v\.(\w+) \}", text)
    if m:
        return {k: v for k, v in scope[m.group(1)].items() if v[m.group(2)]}
    m = re.fullmatch(r"(aws_\w+)\.(\w+)", text)
    if m:
        return range(instances[f"{m.group(1)}.{m.group(2)}"])
    raise ValueError(f"unexpected expression: {text}")


def count_resources(text, scope):
    """Instances of the resources in `text`, with variables from `scope`."""
    instances = {}
    for rtype, name, body in RESOURCE.findall(text):
        meta = dict(re.findall(r"^  (count|for_each) += (.+)$", body, re.M))
        if "count" in meta:
            n = parse_value(meta["count"], scope, instances)
        elif "for_each" in meta:
            n = len(parse_value(meta["for_each"], scope, instances))
        else:
            n = 1
        instances[f"{rtype}.{name}"] = n
    return sum(instances.values())


def defaults(text):
    """Default values of the variables declared in `text`, for the forms that decide counts:
    numbers, bools, lists of strings, and maps (read as their keys)."""
    scope = {}
    for name, body in re.findall(r'^variable "(\w+)" \{\n(.*?)^\}', text, re.M | re.S):
        if name == "buckets":
            scope[name] = {k: {"versioning": v == "true", "encrypted": e == "true"} for k, v, e in re.findall(
                r"^    (\w+) += \{ versioning = (\w+), encrypted = (\w+) \}$", body, re.M)}
            continue
        m = re.search(r"^  default += (.+)$", body, re.M)
        if not m:
            continue
        value = m.group(1)
        if re.fullmatch(r"-?\d+|true|false", value):
            scope[name] = parse_value(value, {}, {})
        elif value.startswith("[") and "{" not in value:
            whole = value if value.endswith("]") else body[m.start(1):body.index("\n  ]", m.start(1)) + 4]
            scope[name] = re.findall(r'"([^"]*)"', whole)
        elif value == "{":
            whole = body[m.start(1):body.index("\n  }", m.start(1))]
            scope[name] = {k: None for k in re.findall(r'^    "?([\w.-]+)"? += \{', whole, re.M)}
    return scope


def root_scope(project):
    text = read(os.path.join(project, "variables.tf")) if os.path.exists(
        os.path.join(project, "variables.tf")) else read(os.path.join(project, "main.tf"))
    scope = defaults(text)
    for name, value in re.findall(r"^(\w+) = (\d+|true|false)$", read(os.path.join(project, "terraform.tfvars")), re.M):
        scope[name] = parse_value(value, {}, {})
    return scope


def count_project(project):
    scope = root_scope(project)
    total = 0
    root_text = "".join(read(f) for f in glob.glob(os.path.join(project, "*.tf")))
    total += count_resources(root_text, scope)
    for name, body in re.findall(r'^module "(\w+)" \{\n(.*?)^\}', root_text, re.M | re.S):
        module_text = "".join(read(f) for f in glob.glob(os.path.join(project, "modules", name, "*.tf")))
        inputs = defaults(module_text)
        for key, value in re.findall(r"^  (\w+) += (.+)$", body, re.M):
            try:
                inputs[key] = parse_value(value, scope, {})
            except (ValueError, KeyError):
                pass  # names, tags, references to other modules: no bearing on counts
        total += count_resources(module_text, inputs)
    return total


class TerraformCorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "a")
        generate(cls.out, "--files", "300", "--seed", "7")
        cls.summary = json.loads(read(os.path.join(cls.out, "corpus.json")))["corpora"]["terraform"]
        cls.projects = sorted(glob.glob(os.path.join(cls.out, "tf", "*", "p*")))
        cls.tf_files = sorted(glob.glob(os.path.join(cls.out, "tf", "**", "*.tf"), recursive=True))
        cls.text = "".join(read(f) for f in cls.tf_files)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_same_seed_gives_identical_files(self):
        again = os.path.join(self.tmp.name, "b")
        generate(again, "--files", "300", "--seed", "7")
        self.assertEqual(tree_digest(self.out), tree_digest(again))

    def test_other_seed_gives_other_files(self):
        other = os.path.join(self.tmp.name, "c")
        generate(other, "--files", "40", "--seed", "8")
        # Module files can coincide; the root modules that call them must not.
        mine = {d for p, d in tree_digest(self.out).items() if p.endswith(os.sep + "main.tf") and "modules" not in p}
        theirs = {d for p, d in tree_digest(other).items() if p.endswith(os.sep + "main.tf") and "modules" not in p}
        self.assertTrue(theirs)
        self.assertFalse(mine & theirs)

    def test_exact_file_count(self):
        self.assertEqual(len(self.tf_files), 300)
        self.assertEqual(self.summary["files"], 300)
        for n in (1, 2, 3, 11, 37):
            out = os.path.join(self.tmp.name, f"n{n}")
            generate(out, "--files", str(n), "--seed", "7")
            self.assertEqual(len(glob.glob(os.path.join(out, "tf", "**", "*.tf"), recursive=True)), n)

    def test_smaller_corpus_is_a_prefix_up_to_its_last_project(self):
        small = os.path.join(self.tmp.name, "d")
        generate(small, "--files", "60", "--seed", "7")
        full = tree_digest(self.out)
        small_digest = tree_digest(small)
        last = sorted({p.split(os.sep)[2] for p in small_digest if p.startswith("tf" + os.sep)})[-1]
        for path, digest in small_digest.items():
            if path != "corpus.json" and path.split(os.sep)[2] != last:
                self.assertEqual(full[path], digest, path)

    def test_summary_matches_files(self):
        size = sum(os.path.getsize(os.path.join(b, n)) for b, _, fs in os.walk(os.path.join(self.out, "tf"))
                   for n in fs)
        self.assertEqual(self.summary["bytes"], size)
        self.assertEqual(self.summary["projects"], len(self.projects))
        self.assertEqual(self.summary["tfvars_files"], len(self.projects))

    def test_expected_resources_match_an_independent_count(self):
        self.assertEqual(self.summary["resources"], sum(count_project(p) for p in self.projects))
        self.assertGreater(self.summary["resources"], 2 * len(self.projects))

    def test_projects_have_root_and_wired_child_modules(self):
        for project in self.projects[:-1]:  # the last one may be cut down to fit
            names = set(os.listdir(project))
            self.assertTrue({"main.tf", "variables.tf", "outputs.tf", "versions.tf", "terraform.tfvars"} <= names,
                            project)
            self.assertNotIn("terraform {", read(os.path.join(project, "main.tf")))
            modules = os.listdir(os.path.join(project, "modules"))
            self.assertTrue(2 <= len(modules) <= 4, project)
            main = read(os.path.join(project, "main.tf"))
            for m in modules:
                self.assertEqual(sorted(os.listdir(os.path.join(project, "modules", m))),
                                 ["main.tf", "outputs.tf", "variables.tf", "versions.tf"])
                self.assertRegex(main, f'module "{m}" {{\n  source += "./modules/{m}"\n')
            # Every module output the root refers to is declared by that module.
            for mod, output in re.findall(r"module\.(\w+)\.(\w+)", "".join(
                    read(f) for f in glob.glob(os.path.join(project, "*.tf")))):
                outputs = read(os.path.join(project, "modules", mod, "outputs.tf"))
                self.assertIn(f'output "{output}"', outputs, project)

    def test_syntax_features_occur(self):
        squeezed = re.sub(r" +", " ", self.text)
        for feature in ["count = var.", "for_each", 'dynamic "ingress"', "toset(", "content {",
                        "<<-EOT", "<<POLICY", "%s-private-%d", "? 1 : 0", "[for ", "{ for ",
                        "merge(", "lookup(", "format(", "cidrsubnet(", "jsonencode(", "tomap(",
                        "concat(", "length(", "\n# ", "\n// ", "\n/*", "${", "each.key", "count.index",
                        "module.network.", 'data "aws_', "%{ for ", "optional(", "validation {",
                        "description = <<-EOT", 'dynamic "rule"', 'dynamic "parameter"', "statement {",
                        "required_providers {", "local.module_tags", "#" * 80, "setproduct("]:
            self.assertIn(feature, squeezed, feature)

    def test_every_variable_and_output_is_described(self):
        for kind in ("variable", "output"):
            blocks = re.findall(kind + r' "\w+" \{\n(.*?)^\}', self.text, re.M | re.S)
            self.assertGreater(len(blocks), 100)
            for body in blocks:
                self.assertIn("description", body)

    def test_every_variable_reference_is_declared(self):
        for project in self.projects:
            for folder in [project] + glob.glob(os.path.join(project, "modules", "*")):
                text = "".join(read(f) for f in glob.glob(os.path.join(folder, "*.tf")))
                declared = set(re.findall(r'^variable "(\w+)"', text, re.M))
                used = set(re.findall(r"\bvar\.(\w+)", text))
                self.assertEqual(used - declared, set(), folder)
                # Every local referred to is defined in the same module.
                locals_defined = set(re.findall(r"^  (\w+) += ", "".join(
                    re.findall(r"^locals \{\n(.*?)^\}", text, re.M | re.S)), re.M))
                self.assertEqual(set(re.findall(r"\blocal\.(\w+)", text)) - locals_defined, set(), folder)

    def test_data_sources_match_the_files(self):
        self.assertEqual(self.summary["data_sources"], len(re.findall(r'^data "', self.text, re.M)))

    def test_providers_and_types(self):
        types = set(re.findall(r'^resource "(\w+)"', self.text, re.M))
        for t in ["aws_s3_bucket", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
                  "aws_s3_bucket_server_side_encryption_configuration", "aws_security_group",
                  "aws_security_group_rule", "aws_instance", "aws_launch_template", "aws_db_instance",
                  "aws_kms_key", "aws_iam_role", "aws_iam_policy", "aws_cloudtrail",
                  "aws_cloudwatch_log_group", "aws_vpc", "aws_flow_log"]:
            self.assertIn(t, types)
        self.assertTrue(any(t.startswith("azurerm_") for t in types))
        self.assertTrue(any(t.startswith("google_") for t in types))

    def test_secure_and_insecure_settings_both_occur(self):
        self.assertIn('http_tokens = "required"', re.sub(r" +", " ", self.text))
        self.assertIn('http_tokens = "optional"', re.sub(r" +", " ", self.text))
        rotation = set(re.findall(r"enable_key_rotation\s+= (\w+)", self.text))
        self.assertEqual(rotation, {"true", "false"})
        self.assertIn('"0.0.0.0/0"', self.text)

    def test_braces_balance(self):
        for path in self.tf_files:
            text = read(path)
            self.assertEqual(text.count("{"), text.count("}"), path)


def tf_sizes(out):
    return sorted(os.path.getsize(f) for f in glob.glob(os.path.join(out, "tf", "**", "*.tf"), recursive=True))


class SizeDistributionTest(unittest.TestCase):
    """The default profile follows the survey of public modules in bench/README.md."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        generate(cls.tmp.name, "--files", "2000", "--seed", "5")
        cls.sizes = tf_sizes(cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_median_mean_p90_and_max_are_in_the_surveyed_range(self):
        sizes = self.sizes
        self.assertEqual(len(sizes), 2000)
        self.assertTrue(2500 <= statistics.median(sizes) <= 3500, statistics.median(sizes))
        self.assertTrue(4000 <= statistics.mean(sizes) <= 6000, statistics.mean(sizes))
        p90 = sizes[int(0.9 * len(sizes))]
        self.assertTrue(10000 <= p90 <= 16000, p90)
        self.assertLessEqual(sizes[-1], 60000)

    def test_resources_per_file(self):
        summary = json.loads(read(os.path.join(self.tmp.name, "corpus.json")))
        self.assertEqual(summary["profile"], "calibrated")
        per_file = summary["corpora"]["terraform"]["resources"] / 2000
        self.assertTrue(2 <= per_file <= 4, per_file)


class SmallProfileTest(unittest.TestCase):
    """--profile small keeps the compact files of earlier corpora."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        generate(cls.tmp.name, "--files", "300", "--seed", "7", "--profile", "small")
        cls.summary = json.loads(read(os.path.join(cls.tmp.name, "corpus.json")))
        cls.projects = sorted(glob.glob(os.path.join(cls.tmp.name, "tf", "*", "p*")))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_small_files_without_versions_tf(self):
        sizes = tf_sizes(self.tmp.name)
        self.assertEqual(len(sizes), 300)
        self.assertLess(statistics.median(sizes), 1000)
        self.assertLess(sizes[-1], 3000)
        self.assertEqual(self.summary["profile"], "small")
        self.assertFalse(glob.glob(os.path.join(self.tmp.name, "tf", "**", "versions.tf"), recursive=True))
        for project in self.projects[:-1]:
            for m in os.listdir(os.path.join(project, "modules")):
                self.assertEqual(sorted(os.listdir(os.path.join(project, "modules", m))),
                                 ["main.tf", "outputs.tf", "variables.tf"])

    def test_no_marker_is_left(self):
        for path in glob.glob(os.path.join(self.tmp.name, "tf", "**", "*.tf"), recursive=True):
            self.assertNotIn("@", read(path).replace("@example.com", ""), path)

    def test_expected_resources_match_an_independent_count(self):
        self.assertEqual(self.summary["corpora"]["terraform"]["resources"],
                         sum(count_project(p) for p in self.projects))

    def test_same_core_as_the_calibrated_profile(self):
        # The calibrated profile adds around the same plan: the same projects and modules.
        other = os.path.join(self.tmp.name, "calibrated")
        generate(other, "--files", "300", "--seed", "7")
        mine = sorted(os.path.relpath(p, self.tmp.name) for p in self.projects)[:5]
        for rel in mine:
            self.assertEqual(sorted(os.listdir(os.path.join(self.tmp.name, rel, "modules"))),
                             sorted(os.listdir(os.path.join(other, rel, "modules"))), rel)


if __name__ == "__main__":
    unittest.main()
