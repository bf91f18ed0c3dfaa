#!/usr/bin/env python3
"""Checks cloudcomply's OSCAL documents against the project's JSON Schemas for OSCAL 1.1.2.

Usage: oscal_check.py --schemas DIR [--catalog DIR] ASSESSMENT_RESULTS.json SYSTEM_SECURITY_PLAN.json

Three kinds of check, all of which must hold:
  * each document is valid against its schema (tests/data/oscal-schema/);
  * references inside a document land: every uuid is unique, "#uuid" hrefs name a
    back-matter resource, finding -> observation and by-component -> component links exist;
    with --catalog, every control-id is the id of a control in the catalog's OSCAL files;
  * broken copies of each document (a required member removed, a malformed uuid, a value
    outside an enumeration, ...) are rejected, so the check above can fail at all.
Prints one line per problem and exits 1 when there is any.
"""
import argparse
import copy
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: run scripts/setup.sh with CC_SETUP_TEST=1",
          file=sys.stderr)
    sys.exit(1)


def schema_errors(validator, doc):
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
            for e in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.path)))]


def walk(node, path=""):
    """Yields (path, key, value) for every member of every object in the tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield path, k, v
            yield from walk(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}/{i}")


def reference_errors(doc):
    problems = []
    seen = {}
    for path, key, value in walk(doc):
        if key == "uuid":
            if value in seen:
                problems.append(f"{path}: uuid {value} also used at {seen[value]}")
            seen.setdefault(value, path)
    root = next(iter(doc.values()))
    resources = {r["uuid"] for r in root.get("back-matter", {}).get("resources", [])}
    for member in ("import-ap", "import-profile"):
        href = root.get(member, {}).get("href", "")
        if href.startswith("#") and href[1:] not in resources:
            problems.append(f"{member}: {href} names no back-matter resource")
    for result in root.get("results", []):
        observations = {o["uuid"] for o in result.get("observations", [])}
        for finding in result.get("findings", []):
            for related in finding.get("related-observations", []):
                if related["observation-uuid"] not in observations:
                    problems.append(f"finding {finding['uuid']}: observation "
                                    f"{related['observation-uuid']} is not in its result")
    components = {c["uuid"] for c in root.get("system-implementation", {}).get("components", [])}
    for req in root.get("control-implementation", {}).get("implemented-requirements", []):
        for by in req.get("by-components", []):
            if by["component-uuid"] not in components:
                problems.append(f"requirement {req['control-id']}: component "
                                f"{by['component-uuid']} is not in system-implementation")
    return problems


def catalog_control_ids(folder):
    """The ids of every control (nested ones too) in the OSCAL catalogs of `folder`."""
    ids = set()

    def controls(node):
        for c in node.get("controls", []):
            ids.add(c["id"])
            controls(c)
        for g in node.get("groups", []):
            controls(g)

    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "catalog" in doc:
            controls(doc["catalog"])
    return ids


def control_id_errors(doc, known):
    """control-id and target-id values that name no control of the catalog."""
    problems = []
    for path, key, value in walk(doc):
        if key == "control-id" and value not in known:
            problems.append(f"{path}: control-id {value} is not a control of the catalog")
        if key == "target-id" and value.removesuffix("_obj") not in known:
            problems.append(f"{path}: target-id {value} is not a control objective of the catalog")
    return problems


# Each mutation breaks one rule of the model; the schema must notice every one.
def ar_mutations(doc):
    result = doc["assessment-results"]["results"][0]
    if not result.get("findings"):
        sys.exit("the assessment results hold no finding to break: the test program needs one")
    return {
        "metadata without last-modified": lambda d: d["assessment-results"]["metadata"].pop("last-modified"),
        "result without reviewed-controls": lambda d: d["assessment-results"]["results"][0].pop("reviewed-controls"),
        "finding without target": lambda d: d["assessment-results"]["results"][0]["findings"][0].pop("target"),
        "document uuid not a uuid": lambda d: d["assessment-results"].__setitem__("uuid", "not-a-uuid"),
        "finding uuid of version 1": lambda d: d["assessment-results"]["results"][0]["findings"][0].__setitem__(
            "uuid", "c232ab00-9414-11ec-b3c8-9f6bdeced846"),
        "objective state outside the enumeration": lambda d: d["assessment-results"]["results"][0]["findings"][0][
            "target"]["status"].__setitem__("state", "passed"),
        "start without a time zone": lambda d: d["assessment-results"]["results"][0].__setitem__(
            "start", result["start"].rstrip("Z")[:19]),
        "control-id that is not a token": lambda d: d["assessment-results"]["results"][0]["reviewed-controls"][
            "control-selections"][0].__setitem__("include-controls", [{"control-id": "12.4.1"}]),
        "member OSCAL does not define": lambda d: d["assessment-results"].__setitem__("generator", "cloudcomply"),
        "empty results": lambda d: d["assessment-results"].__setitem__("results", []),
        "prop with an empty value": lambda d: d["assessment-results"]["results"][0]["findings"][0]["props"][0].__setitem__(
            "value", ""),
        "finding target type outside the enumeration": lambda d: d["assessment-results"]["results"][0]["findings"][0][
            "target"].__setitem__("type", "control-id"),
    }


def ssp_mutations(doc):
    return {
        "plan without system-characteristics": lambda d: d["system-security-plan"].pop("system-characteristics"),
        "plan without import-profile": lambda d: d["system-security-plan"].pop("import-profile"),
        "requirement without uuid": lambda d: d["system-security-plan"]["control-implementation"][
            "implemented-requirements"][0].pop("uuid"),
        "plan uuid not a uuid": lambda d: d["system-security-plan"].__setitem__("uuid", "1234"),
        "requirement uuid in upper-case braces": lambda d: d["system-security-plan"]["control-implementation"][
            "implemented-requirements"][0].__setitem__("uuid", "{6B7F0C1E-58E4-4C55-9F69-3B9E2B0B1A21}"),
        "implementation state outside the enumeration": lambda d: next(
            by for r in d["system-security-plan"]["control-implementation"]["implemented-requirements"]
            for by in r.get("by-components", []) if "implementation-status" in by)[
            "implementation-status"].__setitem__("state", "done"),
        "no components": lambda d: d["system-security-plan"]["system-implementation"].__setitem__("components", []),
        "no implemented requirements": lambda d: d["system-security-plan"]["control-implementation"].__setitem__(
            "implemented-requirements", []),
        "system status outside the enumeration": lambda d: d["system-security-plan"]["system-characteristics"][
            "status"].__setitem__("state", "live"),
        "last-modified without a time zone": lambda d: d["system-security-plan"]["metadata"].__setitem__(
            "last-modified", "2026-11-24T09:00:00"),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schemas", required=True, type=pathlib.Path)
    ap.add_argument("--catalog", type=pathlib.Path, help="folder of the catalog's OSCAL files")
    ap.add_argument("assessment_results", type=pathlib.Path)
    ap.add_argument("system_security_plan", type=pathlib.Path)
    args = ap.parse_args()

    failures = []
    checked = 0
    known = catalog_control_ids(args.catalog) if args.catalog else None
    if known is not None and not known:
        failures.append(f"{args.catalog}: no catalog controls found")
    for name, path, mutations in (
            ("assessment-results", args.assessment_results, ar_mutations),
            ("system-security-plan", args.system_security_plan, ssp_mutations)):
        schema = json.loads((args.schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        doc = json.loads(path.read_text(encoding="utf-8"))
        errors = schema_errors(validator, doc) + reference_errors(doc)
        if known:
            errors += control_id_errors(doc, known)
        failures += [f"{path.name}: {e}" for e in errors]
        checked += 1
        for label, mutate in mutations(doc).items():
            broken = copy.deepcopy(doc)
            try:
                mutate(broken)
            except (KeyError, IndexError, StopIteration) as missing:
                # The member to break is absent: the document itself is already reported.
                failures.append(f"{name}: cannot make the broken copy ({label}): "
                                f"{type(missing).__name__} {missing}")
                continue
            if not schema_errors(validator, broken):
                failures.append(f"{name}: the schema accepted a broken copy ({label})")
            checked += 1
    for f in failures:
        print(f"FAILED: {f}")
    print(f"oscal: {checked} checks, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
