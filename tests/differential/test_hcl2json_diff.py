#!/usr/bin/env python3
"""Tests of the normalisation and comparison in hcl2json_diff.py.
Run: python3 -m unittest discover -s tests/differential -p 'test_*.py'"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hcl2json_diff import compare_file, differences, normalise, normalise_string  # noqa: E402


class NormaliseTest(unittest.TestCase):
    def test_spacing_commas_and_comments_inside_expressions(self):
        source = '${jsonencode({\n  # why\n  Version = "2012-10-17" // trailing\n  Statement = [ /* none */ ],\n})}'
        canonical = '${jsonencode({Version = "2012-10-17", Statement = []})}'
        self.assertEqual(normalise_string(source), normalise_string(canonical))

    def test_literal_text_outside_expressions_is_kept(self):
        self.assertEqual(normalise_string("a  b, c ${ var.x }"), "a  b, c ${var.x}")
        self.assertNotEqual(normalise_string("a b ${x}"), normalise_string("ab ${x}"))

    def test_escaped_sequences_are_text(self):
        self.assertEqual(normalise_string("$${ a b } %%{ c }"), "$${ a b } %%{ c }")

    def test_heredoc_inside_an_expression_reads_as_a_string(self):
        source = "${jsonencode(<<EOT\ntext ${var.b}\nEOT\n)}"
        canonical = '${jsonencode("text ${var.b}\\n")}'
        self.assertEqual(normalise_string(source), normalise_string(canonical))

    def test_strip_markers_and_legacy_index(self):
        self.assertEqual(normalise_string('${f("a ${~ x ~} b")}'), normalise_string('${f("a ${x} b")}'))
        self.assertEqual(normalise_string("${var.list.0.name}"), "${var.list[0].name}")
        self.assertEqual(normalise_string("${1.5 + x}"), "${1.5+x}")

    def test_directive_heads_are_normalised(self):
        self.assertEqual(normalise_string("%{if  a == b}x%{endif}"), "%{ifa==b}x%{endif}")

    def test_operators_still_differ(self):
        self.assertNotEqual(normalise_string("${a + b}"), normalise_string("${a - b}"))

    def test_numbers_compare_as_floats(self):
        self.assertEqual(normalise({"n": 12345678901234567890}), normalise({"n": 12345678901234567000}))


class CompareTest(unittest.TestCase):
    def test_types_are_strict(self):
        self.assertTrue(list(differences(normalise({"a": True}), normalise({"a": 1}))))
        self.assertTrue(list(differences(normalise({"a": None}), normalise({"a": 0}))))

    def test_missing_keys_and_lengths_are_reported(self):
        lines = list(differences({"a": [1, 2], "b": 1}, {"a": [1], "c": 1}))
        self.assertIn("$.a: hcl2json has 2 elements, ours 1", lines)
        self.assertIn("$.b: only in hcl2json: 1", lines)
        self.assertIn("$.c: only in ours: 1", lines)

    def test_rejections(self):
        self.assertEqual(compare_file({"ok": False, "error": "x"}, {"ok": False, "error": "y"}), [])
        self.assertEqual(len(compare_file({"ok": True, "json": {}}, {"ok": False, "error": "y"})), 1)
        self.assertEqual(len(compare_file({"ok": False, "error": "x"}, {"ok": True, "json": {}})), 1)


if __name__ == "__main__":
    unittest.main()
