#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of CloudFormation templates and Kubernetes manifests.

    gen_corpus.py --out DIR --cfn N --k8s N [--format json|yaml|both] [--seed S] [--jobs J]

Layout under DIR (files are sharded 1,000 to a folder, as a large repository would be):

    cfn-json/000/00001-payments-api.json     CloudFormation, JSON      (--format json|both)
    cfn-yaml/000/00001-payments-api.yaml     the same templates, YAML  (--format yaml|both)
    k8s/000/00001-checkout-web.yaml          Kubernetes manifests
    corpus.json                              files, resources and bytes per corpus

Template i and manifest i depend only on the seed and i, so a smaller corpus is a prefix
of a larger one with the same seed, and the JSON and YAML forms of a template hold the
same data. Python 3 standard library only.
"""

import argparse
import json
import multiprocessing
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus import cloudformation, emit, kubernetes  # noqa: E402

SHARD = 1000


def _path(out, corpus, index, name, ext):
    return os.path.join(out, corpus, f"{index // SHARD:03d}", f"{index:05d}-{name}.{ext}")


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def _make_template(job):
    out, seed, index, formats = job
    rng = random.Random(f"{seed}/cfn/{index}")
    doc, resources = cloudformation.template(rng, index)
    name = doc["Description"].split(" ", 1)[0]
    sizes = {}
    if "json" in formats:
        sizes["cfn-json"] = _write(_path(out, "cfn-json", index, name, "json"), emit.to_json(doc))
    if "yaml" in formats:
        sizes["cfn-yaml"] = _write(_path(out, "cfn-yaml", index, name, "yaml"), emit.to_yaml(doc))
    return resources, sizes


def _make_manifest(job):
    out, seed, index = job
    rng = random.Random(f"{seed}/k8s/{index}")
    docs, objects = kubernetes.manifest(rng, index)
    first = docs[0].get("metadata", {}).get("name") or docs[0]["items"][0]["metadata"]["name"]
    size = _write(_path(out, "k8s", index, first, "yaml"), emit.to_yaml_stream(docs))
    return objects, {"k8s": size}


def _run(pool, func, jobs, totals):
    for count, sizes in pool.imap(func, jobs, chunksize=64):
        for corpus, size in sizes.items():
            t = totals.setdefault(corpus, {"files": 0, "resources": 0, "bytes": 0})
            t["files"] += 1
            t["resources"] += count
            t["bytes"] += size


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output directory (created if missing)")
    parser.add_argument("--cfn", type=int, default=0, help="number of CloudFormation templates")
    parser.add_argument("--k8s", type=int, default=0, help="number of Kubernetes manifest files")
    parser.add_argument("--format", choices=["json", "yaml", "both"], default="both",
                        help="CloudFormation serialisation(s) to write (default: both)")
    parser.add_argument("--seed", default="1", help="seed; the same seed gives the same corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = parser.parse_args(argv)
    if args.cfn < 0 or args.k8s < 0:
        parser.error("counts must not be negative")

    formats = {"json", "yaml"} if args.format == "both" else {args.format}
    os.makedirs(args.out, exist_ok=True)
    totals = {}
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        _run(pool, _make_template, ((args.out, args.seed, i, formats) for i in range(1, args.cfn + 1)),
             totals)
        _run(pool, _make_manifest, ((args.out, args.seed, i) for i in range(1, args.k8s + 1)), totals)
    summary = {"seed": args.seed, "corpora": totals}
    with open(os.path.join(args.out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    for corpus, t in sorted(totals.items()):
        print(f"{corpus:9} {t['files']:7d} files {t['resources']:9d} resources "
              f"{t['bytes'] / 1e6:9.1f} MB  -> {os.path.join(args.out, corpus)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
