#!/usr/bin/env python3
"""Prints the benchmark table and checks the targets (used by bench/run.sh).

    summarize.py RESULTS_TSV [--cdknag CDKNAG_JSON] [--hcl2json HCL2JSON_JSON] [--cores N]

RESULTS_TSV has one measured scan per line, tab-separated, with a header:
    corpus  files  bytes  resources  threads  seconds  rss_kb
`threads` is what was asked for (0: all cores); corpus `(empty)` is the scan of an empty
directory, the fixed cost of start-up. MB are 10^6 bytes throughout. CDKNAG_JSON is what
bench/cdknag/run.js writes; HCL2JSON_JSON is what bench/hcl2json/run.js writes (the
time HashiCorp's HCL parser took over the Terraform corpus). Exit status 0 when every target that could be measured is met, 1 otherwise.
Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import sys

TARGET_RESOURCES_PER_SECOND_PER_CORE = 50_000
TARGET_YAML_SLOWDOWN = 3.0
TARGET_RSS_PER_CORPUS_SIZE = 2.0
TARGET_CDKNAG_RATIO = 100.0
TARGET_HCL2JSON_RATIO = 20.0


def read_rows(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        for k in ("files", "bytes", "resources", "threads", "rss_kb"):
            r[k] = int(r[k])
        r["seconds"] = float(r["seconds"])
    return rows


def rate(count, seconds):
    return count / seconds if seconds > 0 else float("inf")


def table(rows, cores):
    header = ["corpus", "files", "resources", "MB", "threads", "seconds", "files/s",
              "resources/s", "MB/s", "peak RSS MB", "RSS/size"]
    lines = [header]
    for r in rows:
        mb = r["bytes"] / 1e6
        rss_mb = r["rss_kb"] * 1024 / 1e6
        threads = "1" if r["threads"] == 1 else f"all ({cores})" if r["threads"] == 0 else str(r["threads"])
        lines.append([r["corpus"], f"{r['files']:,}", f"{r['resources']:,}", f"{mb:,.1f}", threads,
                      f"{r['seconds']:.2f}", f"{rate(r['files'], r['seconds']):,.0f}",
                      f"{rate(r['resources'], r['seconds']):,.0f}", f"{rate(mb, r['seconds']):,.1f}",
                      f"{rss_mb:,.1f}", f"{rss_mb / mb if mb else 0:.2f}"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def find(rows, corpus, threads):
    for r in rows:
        if r["corpus"] == corpus and r["threads"] == threads:
            return r
    return None


def verdict(ok):
    return "PASS" if ok else "FAIL"


def hcl2json_ratio(rows, hcl2json):
    """hcl2json's parse time per file over cloudcomply's whole-scan time per file (1 thread)."""
    tf1 = find(rows, "terraform", 1)
    if not (hcl2json and tf1 and tf1["files"] and hcl2json.get("files")):
        return None
    ours = tf1["seconds"] / tf1["files"]
    theirs = hcl2json["seconds"] / hcl2json["files"]
    return theirs / ours if ours > 0 else float("inf")


def targets(rows, cdknag, hcl2json=None):
    """Yields (description, ok) for every target that has the figures it needs."""
    json1 = find(rows, "cfn-json", 1)
    if json1:
        per_core = rate(json1["resources"], json1["seconds"])
        yield (f"JSON templates, 1 thread: {per_core:,.0f} resources/s "
               f"(target >= {TARGET_RESOURCES_PER_SECOND_PER_CORE:,} per core)",
               per_core >= TARGET_RESOURCES_PER_SECOND_PER_CORE)
    for threads in (1, 0):
        j, y = find(rows, "cfn-json", threads), find(rows, "cfn-yaml", threads)
        if j and y and j["seconds"] > 0:
            slowdown = y["seconds"] / j["seconds"]
            label = "1 thread" if threads == 1 else "all cores"
            yield (f"YAML vs JSON, {label}: {slowdown:.2f}x the time (target <= {TARGET_YAML_SLOWDOWN:.0f}x)",
                   slowdown <= TARGET_YAML_SLOWDOWN)
    empty = find(rows, "(empty)", 1)
    for r in rows:
        if r["bytes"]:
            ratio = r["rss_kb"] * 1024 / r["bytes"]
            label = "1 thread" if r["threads"] == 1 else "all cores"
            # The start-up cost (rules, schemas, catalog, the binary) does not grow with the
            # corpus; on a small corpus it dominates, so it is shown apart.
            above = ""
            if empty and empty["rss_kb"] < r["rss_kb"]:
                above = f"; {(r['rss_kb'] - empty['rss_kb']) * 1024 / r['bytes']:.2f}x above start-up"
            yield (f"peak RSS, {r['corpus']}, {label}: {ratio:.2f}x the corpus size{above} "
                   f"(target < {TARGET_RSS_PER_CORPUS_SIZE:.0f}x)", ratio < TARGET_RSS_PER_CORPUS_SIZE)
    if cdknag and json1 and cdknag.get("mean_seconds"):
        ours = json1["seconds"] / json1["files"]
        ratio = cdknag["mean_seconds"] / ours if ours > 0 else float("inf")
        yield (f"cdk-nag / cloudcomply time per template: {ratio:,.0f}x (target >= {TARGET_CDKNAG_RATIO:.0f}x)",
               ratio >= TARGET_CDKNAG_RATIO)
    ratio = hcl2json_ratio(rows, hcl2json)
    if ratio is not None:
        yield (f"hcl2json parse / cloudcomply full scan, time per .tf file: {ratio:,.1f}x "
               f"(target >= {TARGET_HCL2JSON_RATIO:.0f}x)", ratio >= TARGET_HCL2JSON_RATIO)


def cdknag_section(cdknag, rows):
    lines = [f"cdk-nag {cdknag['cdk_nag']} ({cdknag['mode']}) with aws-cdk-lib {cdknag['aws_cdk_lib']}, "
             f"AwsSolutions pack, CfnInclude, one App per template, warm process:",
             f"  templates {cdknag['templates']}, synthesized {cdknag['synthesized']}, errors {cdknag['errors']}, "
             f"resources {cdknag['resources']:,}, violations {cdknag['violations']:,}",
             f"  module load {cdknag['module_load_seconds']:.2f} s, first (warm-up) template "
             f"{cdknag['warmup_seconds']:.2f} s"]
    if cdknag.get("mean_seconds"):
        lines.append(f"  cdk-nag:     {cdknag['mean_seconds'] * 1000:10.1f} ms per template (mean), "
                     f"{cdknag['median_seconds'] * 1000:.1f} ms median")
    json1 = find(rows, "cfn-json", 1)
    if json1 and cdknag.get("mean_seconds"):
        ours = json1["seconds"] / json1["files"]
        lines.append(f"  cloudcomply: {ours * 1000:10.3f} ms per template (1 thread, whole JSON corpus)")
        lines.append(f"  ratio:       {cdknag['mean_seconds'] / ours:10,.0f}x")
    return "\n".join(lines)


def hcl2json_section(hcl2json, rows):
    lines = [f"@cdktf/hcl2json {hcl2json['version']} (HashiCorp's HCL parser as WebAssembly), parse only, "
             f"one file after another in a warm process:",
             f"  files {hcl2json['files']:,}, {hcl2json['bytes'] / 1e6:,.1f} MB, errors {hcl2json['errors']}, "
             f"start-up {hcl2json['load_seconds']:.2f} s (not counted)",
             f"  hcl2json:    {hcl2json['seconds']:10.2f} s, {hcl2json['ms_per_file']:10.3f} ms per file"
             + (f" (fastest of {len(hcl2json['passes'])} passes)" if len(hcl2json.get("passes", [])) > 1 else "")]
    for threads, label in ((1, "1 thread"), (0, "all cores")):
        r = find(rows, "terraform", threads)
        if r and r["files"]:
            lines.append(f"  cloudcomply: {r['seconds']:10.2f} s, {r['seconds'] * 1000 / r['files']:10.3f} ms per file "
                         f"(full scan, {label})")
    ratio = hcl2json_ratio(rows, hcl2json)
    if ratio is not None:
        lines.append(f"  ratio:       {ratio:10,.1f}x (hcl2json per file / cloudcomply per file, 1 thread)")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results")
    parser.add_argument("--cdknag")
    parser.add_argument("--hcl2json")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    rows = read_rows(args.results) if os.path.exists(args.results) else []
    cdknag = None
    if args.cdknag and os.path.exists(args.cdknag):
        with open(args.cdknag) as f:
            cdknag = json.load(f)
    if rows:
        print(table(rows, args.cores))
        print()
    if cdknag:
        print(cdknag_section(cdknag, rows))
        print()
    hcl2json = None
    if args.hcl2json and os.path.exists(args.hcl2json):
        with open(args.hcl2json) as f:
            hcl2json = json.load(f)
        print(hcl2json_section(hcl2json, rows))
        print()
    checks = list(targets(rows, cdknag, hcl2json))
    for text, ok in checks:
        print(f"{verdict(ok)}  {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
