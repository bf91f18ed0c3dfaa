#!/usr/bin/env python3
"""Tests of the corpus generator. Run: python3 -m unittest discover -s bench -p 'test_*.py'"""

import hashlib
import json
import os
import random
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_corpus  # noqa: E402
from corpus import cloudformation, emit, kubernetes  # noqa: E402


def tree_digest(root):
    """Relative path -> SHA-256 of every file under root."""
    out = {}
    for base, _, files in os.walk(root):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
    return out


def generate(out, *args):
    with open(os.devnull, "w") as null:
        saved, sys.stdout = sys.stdout, null
        try:
            gen_corpus.main(["--out", out, "--jobs", "2", *args])
        finally:
            sys.stdout = saved


class GeneratorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "a")
        generate(cls.out, "--cfn", "40", "--k8s", "40", "--seed", "11")
        with open(os.path.join(cls.out, "corpus.json")) as f:
            cls.summary = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def json_templates(self):
        for base, _, files in os.walk(os.path.join(self.out, "cfn-json")):
            for name in sorted(files):
                with open(os.path.join(base, name)) as f:
                    yield name, json.load(f)

    def test_same_seed_gives_identical_files(self):
        again = os.path.join(self.tmp.name, "b")
        generate(again, "--cfn", "40", "--k8s", "40", "--seed", "11")
        self.assertEqual(tree_digest(self.out), tree_digest(again))

    def test_other_seed_gives_other_files(self):
        other = os.path.join(self.tmp.name, "c")
        generate(other, "--cfn", "5", "--k8s", "0", "--seed", "12")
        mine = tree_digest(os.path.join(self.out, "cfn-json"))
        theirs = tree_digest(os.path.join(other, "cfn-json"))
        self.assertFalse(set(mine.values()) & set(theirs.values()))

    def test_smaller_corpus_is_a_prefix(self):
        small = os.path.join(self.tmp.name, "d")
        generate(small, "--cfn", "7", "--k8s", "3", "--seed", "11", "--format", "yaml")
        full = tree_digest(self.out)
        for path, digest in tree_digest(small).items():
            if path != "corpus.json":
                self.assertEqual(full[path], digest, path)
        self.assertFalse(os.path.exists(os.path.join(small, "cfn-json")))

    def test_summary_counts_match_files(self):
        corpora = self.summary["corpora"]
        self.assertEqual(corpora["cfn-json"]["files"], 40)
        self.assertEqual(corpora["cfn-yaml"]["files"], 40)
        self.assertEqual(corpora["k8s"]["files"], 40)
        resources = sum(len(doc["Resources"]) for _, doc in self.json_templates())
        self.assertEqual(corpora["cfn-json"]["resources"], resources)
        self.assertEqual(corpora["cfn-yaml"]["resources"], resources)
        size = sum(os.path.getsize(os.path.join(b, n))
                   for b, _, fs in os.walk(os.path.join(self.out, "k8s")) for n in fs)
        self.assertEqual(corpora["k8s"]["bytes"], size)

    def test_templates_are_realistic(self):
        types = set()
        intrinsics = set()
        for name, doc in self.json_templates():
            self.assertGreaterEqual(len(doc["Resources"]), 5, name)
            self.assertLessEqual(len(doc["Resources"]), 40, name)
            for lid, res in doc["Resources"].items():
                self.assertRegex(lid, r"^[A-Za-z0-9]+$")
                self.assertTrue(res["Type"].startswith("AWS::"))
                types.add(res["Type"])
            text = json.dumps(doc)
            intrinsics.update(re.findall(r'"(Ref|Fn::[A-Za-z]+)"', text))
            # Every Ref names a parameter, a resource or a pseudo parameter.
            names = set(doc.get("Parameters", {})) | set(doc["Resources"])
            for ref in re.findall(r'"Ref": "([^"]+)"', text):
                self.assertTrue(ref in names or ref.startswith("AWS::"), f"{name}: {ref}")
        for t in ["AWS::S3::Bucket", "AWS::IAM::Role", "AWS::EC2::SecurityGroup", "AWS::Lambda::Function",
                  "AWS::KMS::Key", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::DynamoDB::Table",
                  "AWS::Logs::LogGroup", "AWS::RDS::DBInstance", "AWS::EC2::Instance"]:
            self.assertIn(t, types)
        for fn in ["Ref", "Fn::Sub", "Fn::GetAtt", "Fn::If", "Fn::Equals"]:
            self.assertIn(fn, intrinsics)

    def test_some_parameters_have_no_default(self):
        missing = [p for _, doc in self.json_templates()
                   for p, spec in doc.get("Parameters", {}).items() if "Default" not in spec]
        self.assertTrue(missing)

    def test_secure_and_insecure_settings_both_occur(self):
        rotation = [res["Properties"]["EnableKeyRotation"] for _, doc in self.json_templates()
                    for res in doc["Resources"].values() if res["Type"] == "AWS::KMS::Key"]
        self.assertIn(True, rotation)
        self.assertIn(False, rotation)
        ssh_open = any(rule.get("CidrIp") == "0.0.0.0/0" and rule["FromPort"] == 22
                       for _, doc in self.json_templates() for res in doc["Resources"].values()
                       if res["Type"] == "AWS::EC2::SecurityGroup"
                       for rule in res["Properties"]["SecurityGroupIngress"])
        self.assertTrue(ssh_open)

    def test_yaml_has_the_same_resources_as_json(self):
        for name, doc in self.json_templates():
            path = os.path.join(self.out, "cfn-yaml", "000", name[:-5] + ".yaml")
            with open(path) as f:
                text = f.read()
            section = text.split("\nResources:\n", 1)[1].split("\nOutputs:", 1)[0]
            ids = re.findall(r"^  ([A-Za-z0-9]+):$", section, re.M)
            self.assertEqual(ids, list(doc["Resources"]), name)
            self.assertIn("!Ref ", text)
            self.assertNotIn('"Ref"', text)


class ManifestTest(unittest.TestCase):
    def test_object_counts_and_kinds(self):
        kinds = set()
        lists = 0
        for i in range(1, 300):
            docs, count = kubernetes.manifest(random.Random(f"3/k8s/{i}"), i)
            objects = docs[0]["items"] if docs[0]["kind"] == "List" else docs
            lists += docs[0]["kind"] == "List"
            self.assertEqual(len(objects), count)
            self.assertTrue(1 <= count <= 8)
            for o in objects:
                self.assertIn("apiVersion", o)
                self.assertTrue(o["metadata"]["name"])
                kinds.add(o["kind"])
        for k in kubernetes.WORKLOAD_KINDS + ["Service", "Ingress", "Role", "ClusterRoleBinding",
                                              "NetworkPolicy", "ConfigMap", "Secret"]:
            self.assertIn(k, kinds)
        self.assertGreater(lists, 0)

    def test_names_are_unique_per_kind_within_a_file(self):
        for i in range(1, 200):
            docs, _ = kubernetes.manifest(random.Random(f"5/k8s/{i}"), i)
            objects = docs[0]["items"] if docs[0]["kind"] == "List" else docs
            keys = [(o["kind"], o["metadata"]["name"]) for o in objects]
            self.assertEqual(len(keys), len(set(keys)))


class EmitTest(unittest.TestCase):
    def test_ambiguous_scalars_are_quoted(self):
        for s in ["true", "No", "null", "10", "1.5", "0x1F", "", "a: b", "x #y", "-dash", "*star",
                  "ends:", "{brace", "2012-10-17"]:
            line = emit.to_yaml({"k": s}).strip()
            self.assertEqual(json.loads(line[len("k: "):]), s, line)

    def test_plain_scalars_stay_plain(self):
        self.assertEqual(emit.to_yaml({"k": "s3:GetObject"}), "k: s3:GetObject\n")
        self.assertEqual(emit.to_yaml({"k": "AWS::S3::Bucket"}), "k: AWS::S3::Bucket\n")

    def test_intrinsics_use_short_forms(self):
        self.assertEqual(emit.to_yaml({"k": {"Ref": "Bucket"}}), "k: !Ref Bucket\n")
        self.assertEqual(emit.to_yaml({"k": {"Fn::GetAtt": ["Key", "Arn"]}}), "k: !GetAtt Key.Arn\n")
        self.assertEqual(emit.to_yaml({"k": {"Fn::If": ["IsProd", 3, 1]}}), "k: !If [IsProd, 3, 1]\n")
        nested = emit.to_yaml({"k": {"Fn::Base64": {"Fn::Sub": "x"}}})
        self.assertIn("Fn::Base64:", nested)
        self.assertIn("!Sub x", nested)

    def test_flow_scalars_with_commas_are_quoted(self):
        self.assertEqual(emit.to_yaml({"k": {"Fn::Split": [",", "a,b"]}}), 'k: !Split [",", "a,b"]\n')

    def test_sequences_of_mappings(self):
        text = emit.to_yaml({"Tags": [{"Key": "team", "Value": "ops"}]})
        self.assertEqual(text, "Tags:\n  - Key: team\n    Value: ops\n")

    def test_stream_separates_documents(self):
        text = emit.to_yaml_stream([{"kind": "A"}, {"kind": "B"}])
        self.assertEqual(text, "kind: A\n---\nkind: B\n")


if __name__ == "__main__":
    unittest.main()
