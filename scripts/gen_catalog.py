#!/usr/bin/env python3
"""Build the control catalog (catalog/*.json, catalog/mappings/*.json) from the
reference data sets.

Usage: scripts/gen_catalog.py [--reference DIR] [--out DIR] [--check]

The reference directory holds iso-control-lists.json, iso27017-2015.json and
nist.json. Every description written here is our own wording; identifiers and
titles are facts. Output is deterministic (fixed dates, name-based UUIDs, stable
order) so that regenerating gives a clean diff. --check regenerates in memory and
exits 1 when a file in --out differs, for use in CI.
"""
import argparse
import json
import pathlib
import re
import sys
import uuid

OSCAL_VERSION = "1.1.2"
# A fixed stamp keeps regenerated files byte-identical; bump it when the content changes.
LAST_MODIFIED = "2026-08-10T00:00:00Z"
NS = "urn:cloudcomply:oscal"
UUID_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cloudcomply:catalog")

ANNEX_B_SOURCE = "ISO/IEC 27002:2022 Annex B correspondence"
CLD_2022_SOURCE = "cloudcomply reading of the CLD guidance against ISO/IEC 27002:2022"
CLD_2026_SOURCE = "cloudcomply reading of the ISO/IEC 27017:2026 cloud guidance summaries"
CCM_SOURCE = "CSA CCM v4.0 mapping column (partial: controls with automated checks)"
NIST_80053_SOURCE = "NIST OLIR: SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (2023-10-12)"
NIST_CSF_SOURCE = "NIST OLIR: CSF 2.0 to ISO/IEC 27001:2022"

THEME_TITLES = {
    "organizational": ("5", "Organizational controls"),
    "people": ("6", "People controls"),
    "physical": ("7", "Physical controls"),
    "technological": ("8", "Technological controls"),
}

# Where the reference gives no automation reading (controls without cloud guidance),
# our own estimate: "partial" where configuration checks give supporting evidence,
# "manual" where only documents and records can show the control works.
BASE_PARTIAL = {
    "9.2.6": "Dormant credentials and unused access keys can be detected in account exports.",
    "9.4.2": "Console sign-in settings such as MFA enforcement are visible in configuration.",
    "9.4.3": "Password policies of cloud identity services are visible in configuration.",
    "12.2.1": "Threat-detection and anti-malware services can be checked for being enabled.",
    "12.4.2": "Log integrity validation, encryption and retention are visible in configuration.",
    "12.5.1": "Managed instance inventories show which software is installed on hosts.",
    "13.1.1": "Security groups, network ACLs and firewall rules are visible in configuration.",
    "13.1.2": "TLS policies and web application firewalls on endpoints can be checked.",
    "14.1.2": "Encryption in transit on public endpoints can be checked in configuration.",
    "14.1.3": "Transport security and request signing settings can be checked in configuration.",
    "17.2.1": "Multi-zone deployment and replication settings are visible in configuration.",
}


def prop(name, value, remarks=None):
    # "label" is OSCAL's own prop name (the identifier shown to people); the rest are ours.
    p = {"name": name, "value": value} if name == "label" else {"name": name, "ns": NS, "value": value}
    if remarks:
        p["remarks"] = remarks
    return p


def oscal_id(prefix, label):
    """OSCAL ids are tokens that must start with a letter; ISO numbers do not."""
    return f"{prefix}-{label}".lower()


def no_duty(text):
    """The reference marks a side without extra guidance in several ways; say it one way."""
    if not text or text.strip() in ("-", "") or text.lstrip().startswith("(no additional"):
        return "No cloud-specific duty beyond the base control."
    return text.strip()


def normalise_party(raw):
    raw = raw.strip().lower()
    if raw.startswith("both"):
        return "both"
    if raw.startswith("csc"):
        return "CSC"
    if raw.startswith("csp"):
        return "CSP"
    raise ValueError(f"unknown party {raw!r}")


# Compound readings in the reference, restated as one level and a note.
AUTOMATION_NOTES = {
    "Automated (control plane) + agent-based (in-guest)":
        ("automated", "control-plane settings are checked directly; in-guest settings need an agent-based check"),
    "Automated (capability) + manual":
        ("automated", "that the monitoring capability is on is checked directly; what is monitored needs documents"),
}


def normalise_automation(raw):
    """'Partial (CSC proxies only)' -> ('partial', 'CSC proxies only')."""
    if raw.strip() in AUTOMATION_NOTES:
        return AUTOMATION_NOTES[raw.strip()]
    level = raw.strip()
    lower = level.lower()
    for name in ("automated", "partial", "manual"):
        if lower.startswith(name):
            rest = level[len(name):].strip()
            # A note wrapped whole in parentheses reads better without them.
            wrapped = re.fullmatch(r"\(([^()]*)\)", rest)
            return name, (wrapped.group(1) if wrapped else rest) or None
    raise ValueError(f"unknown automation level {raw!r}")


def metadata(title, version, framework, remarks):
    return {
        "title": title,
        "last-modified": LAST_MODIFIED,
        "version": version,
        "oscal-version": OSCAL_VERSION,
        "props": [prop("framework-id", framework)],
        "remarks": remarks,
    }


def catalog_doc(framework, meta, groups):
    return {
        "catalog": {
            "uuid": str(uuid.uuid5(UUID_ROOT, framework)),
            "metadata": meta,
            "groups": groups,
        }
    }


LICENCE_REMARK = (
    "Control identifiers and titles are facts. Every description, duty and evidence "
    "text in this file is written by the cloudcomply project in its own words; none of "
    "it is text from the standard."
)


def cloud_parts(cid, intent, csc, csp, evidence, signals):
    parts = [
        ("intent", intent),
        ("csc-duty", no_duty(csc)),
        ("csp-duty", no_duty(csp)),
        ("evidence", evidence),
        ("automation-signals", signals),
    ]
    out = []
    for name, text in parts:
        if text and text.strip() and text.strip() != "-":
            out.append({"id": f"{cid}_{name}", "name": name, "ns": NS, "prose": text.strip()})
    return out


def build_iso27017(lists, ref):
    base = lists["iso27002_2013"]
    heading = {h["id"]: h["title"] for h in lists["iso27002_2013_clause_and_category_titles"]}
    extended = {c["id_27002_2013"]: c for c in ref["extended_27002_controls"]}
    automation = ref["automation"]
    assert len(base) == 114, len(base)
    assert len(extended) == 37, len(extended)
    assert len(ref["cld"]) == 7, len(ref["cld"])

    def control(label, title, guidance, party, auto_level, auto_note, set_name, parts):
        cid = oscal_id("cld" if label.startswith("CLD.") else "c", label.removeprefix("CLD."))
        props = [
            prop("label", label),
            prop("control-set", set_name),
            prop("cloud-guidance", "true" if guidance else "false"),
            prop("party", party),
            prop("automatable", auto_level, auto_note),
        ]
        c = {"id": cid, "title": title, "props": props}
        if parts:
            c["parts"] = cloud_parts(cid, *parts)
        return c

    # clause -> category -> [controls], keeping the order of the standard.
    clauses = {}
    for b in base:
        cat = clauses.setdefault(b["clause"], {}).setdefault(b["category"], [])
        label = b["id"]
        if label in extended:
            e = extended[label]
            a = automation[label]
            level, note = normalise_automation(a["level"])
            cat.append(control(label, b["title"], True, normalise_party(e["party"]), level, note,
                               "iso27002:2013",
                               (e["intent"], e["csc"], e["csp"], a["manual_evidence"], a["signals"])))
        else:
            level = "partial" if label in BASE_PARTIAL else "manual"
            note = BASE_PARTIAL.get(label, "cloudcomply estimate; the base control applies to each party's own ISMS")
            cat.append(control(label, b["title"], False, "both", level, note, "iso27002:2013", None))

    # The CLD controls sit in their clauses: under a new objective (CLD.6.3, CLD.9.5) or
    # at the end of the existing category whose objective they reuse.
    for c in ref["cld"]:
        label = c["id"]
        m = re.match(r"CLD\.(\d+)\.(\d+)\.\d+$", label)
        clause, category = m.group(1), f"{m.group(1)}.{m.group(2)}"
        # Only the two new objectives have no 27002:2013 category of the same number.
        key = category if category in heading else f"CLD.{category}"
        if "(new objective)" in c["objective"]:
            title = re.sub(r"^CLD\.\d+\.\d+\s+", "", c["objective"])
            heading[key] = title.replace("(new objective)", "").strip()
        a = automation[label]
        level, note = normalise_automation(a["level"])
        clauses[clause].setdefault(key, []).append(
            control(label, c["title"], True, normalise_party(c["party"]), level, note,
                    "iso27017:2015-annex-a",
                    (c["intent"], c["csc"], c["csp"], a["manual_evidence"], a["signals"])))

    groups = []
    for clause in sorted(clauses, key=int):
        cats = []
        numeric = lambda k: [int(n) for n in k.removeprefix("CLD.").split(".")]
        for key in sorted(clauses[clause], key=numeric):
            label = key
            cats.append({
                "id": oscal_id("cat", label.replace("CLD.", "cld-")),
                "class": "category",
                "title": heading[key],
                "props": [prop("label", label)],
                "controls": clauses[clause][key],
            })
        groups.append({
            "id": oscal_id("clause", clause),
            "class": "clause",
            "title": heading[clause],
            "props": [prop("label", clause)],
            "groups": cats,
        })

    meta = metadata(
        "ISO/IEC 27017:2015 — controls of the Statement of Applicability", "2015",
        "iso27017:2015",
        "The 114 controls of ISO/IEC 27002:2013 plus the 7 cloud controls of ISO/IEC 27017:2015 "
        "Annex A (121 Statement of Applicability rows). Controls with cloud-guidance true carry "
        "cloud-specific duties for the customer (CSC) and provider (CSP). " + LICENCE_REMARK)
    return catalog_doc("iso27017:2015", meta, groups)


def build_iso27001(lists):
    annex = lists["iso27001_2022_annex_a"]
    assert len(annex) == 93, len(annex)
    themes = {}
    for a in annex:
        cid = oscal_id("a", a["id"])
        themes.setdefault(a["theme"], []).append({
            "id": cid,
            "title": a["title"],
            "props": [
                prop("label", f"A.{a['id']}"),
                prop("new-in-2022", "true" if a["new_in_2022"] else "false"),
            ],
        })
    groups = []
    for theme, (number, title) in sorted(THEME_TITLES.items(), key=lambda t: int(t[1][0])):
        groups.append({
            "id": f"theme-{theme}",
            "class": "theme",
            "title": title,
            "props": [prop("label", f"A.{number}")],
            "controls": themes[theme],
        })
    meta = metadata(
        "ISO/IEC 27001:2022 — Annex A information security controls", "2022", "iso27001:2022",
        "The 93 Annex A controls in four themes. " + LICENCE_REMARK)
    return catalog_doc("iso27001:2022", meta, groups)


def link(frm, to, source, confidence, relationship, remarks=None):
    assert confidence in ("official", "derived", "asserted"), confidence
    entry = {"from": frm, "to": to, "relationship": relationship, "source": source,
             "confidence": confidence}
    if remarks:
        entry["remarks"] = remarks
    return entry


def mapping_doc(name, title, frm, to, links):
    return {
        "mapping-collection": {
            "uuid": str(uuid.uuid5(UUID_ROOT, "mapping:" + name)),
            "title": title,
            "last-modified": LAST_MODIFIED,
            "from-framework": frm,
            "to-framework": to,
            "links": links,
        }
    }


def build_iso27017_to_27001(lists, ref):
    links = []
    for row in lists["correspondence_2013_to_2022"]:
        for target in row["to"]:
            links.append(link(f"iso27017:2015/{row['from']}", f"iso27001:2022/A.{target}",
                              ANNEX_B_SOURCE, "official", "corresponds"))
    # Cross-check the per-control 2022 counterpart the reference gives for the 37.
    official = {(l["from"], l["to"]) for l in links}
    for e in ref["extended_27002_controls"]:
        pair = (f"iso27017:2015/{e['id_27002_2013']}", f"iso27001:2022/A.{e['iso27001_2022']}")
        assert pair in official, pair

    # CLD controls have no official counterpart. The reference lists the closest ones:
    # ids before ';' are the primary counterparts, ids after it are related controls.
    for cld, (annex_text, _) in ref["cld_2022_counterparts"].items():
        primary, _, related = annex_text.partition(";")
        for part, relationship in ((primary, "primary"), (related, "related")):
            for target in re.findall(r"A\.\d+\.\d+", part):
                links.append(link(f"iso27017:2015/{cld}", f"iso27001:2022/{target}",
                                  CLD_2022_SOURCE, "derived", relationship))
    return mapping_doc("iso27017-2015_iso27001-2022",
                       "ISO/IEC 27017:2015 (27002:2013 numbering and CLD) to ISO/IEC 27001:2022 Annex A",
                       "iso27017:2015", "iso27001:2022", links)


def build_iso27017_to_2026(ref):
    links = []
    for cld, (_, text_2026) in ref["cld_2022_counterparts"].items():
        for target in re.findall(r"\b\d\.\d+\b", text_2026):
            links.append(link(f"iso27017:2015/{cld}", f"iso27017:2026/{target}", CLD_2026_SOURCE,
                              "derived", "successor",
                              "Where the content of this control sits in the 2026 edition; no "
                              "official correspondence table exists."))
    return mapping_doc("iso27017-2015_iso27017-2026",
                       "ISO/IEC 27017:2015 cloud controls to their place in ISO/IEC 27017:2026",
                       "iso27017:2015", "iso27017:2026", links)


def build_ccm(lists, ref):
    controls_by_category = {}
    for b in lists["iso27002_2013"]:
        controls_by_category.setdefault(b["category"], []).append(b["id"])
    links = []
    for iso_id, ccm_ids in ref["csa_ccm_official_partial"].items():
        if iso_id.startswith("CLD.") or iso_id.count(".") == 2:
            targets = [(iso_id, "official", None)]
        else:
            # CSA cites a whole category here; each of its controls gets a derived link.
            note = f"CSA CCM cites category {iso_id}; linked to each control in it."
            targets = [(c, "derived", note) for c in controls_by_category[iso_id]]
        for iso_control, confidence, note in targets:
            for ccm in ccm_ids:
                links.append(link(f"iso27017:2015/{iso_control}", f"csa-ccm:4/{ccm}", CCM_SOURCE,
                                  confidence, "related", note))
    return mapping_doc("iso27017-2015_csa-ccm-4", "ISO/IEC 27017:2015 to CSA Cloud Controls Matrix v4",
                       "iso27017:2015", "csa-ccm:4", links)


def build_nist(nist, key, framework, source, name, title):
    seen = set()
    links = []
    for row in nist[key]:
        target = row["iso27001_2022"]
        # Links to ISMS clauses (4-10) have no control in the catalog; Annex A only.
        if not re.fullmatch(r"A\.\d+\.\d+", target):
            continue
        pair = (row["nist"], target)
        if pair in seen:
            continue
        seen.add(pair)
        links.append(link(f"{framework}/{row['nist']}", f"iso27001:2022/{target}", source,
                          "official", row["relationship"]))
    return mapping_doc(name, title, framework, "iso27001:2022", links)


def render(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", default=pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "reference", type=pathlib.Path)
    ap.add_argument("--out", default=here.parent / "catalog", type=pathlib.Path)
    ap.add_argument("--check", action="store_true", help="fail if the files in --out are stale")
    args = ap.parse_args()

    lists = json.loads((args.reference / "iso-control-lists.json").read_text(encoding="utf-8"))
    ref = json.loads((args.reference / "iso27017-2015.json").read_text(encoding="utf-8"))
    nist = json.loads((args.reference / "nist.json").read_text(encoding="utf-8"))

    files = {
        "iso27017-2015.json": build_iso27017(lists, ref),
        "iso27001-2022.json": build_iso27001(lists),
        "mappings/iso27017-2015_iso27001-2022.json": build_iso27017_to_27001(lists, ref),
        "mappings/iso27017-2015_iso27017-2026.json": build_iso27017_to_2026(ref),
        "mappings/iso27017-2015_csa-ccm-4.json": build_ccm(lists, ref),
        "mappings/nist-800-53-r5_iso27001-2022.json": build_nist(
            nist, "mapping-800-53r5-to-27001-2022", "nist-800-53:r5", NIST_80053_SOURCE,
            "nist-800-53-r5_iso27001-2022", "NIST SP 800-53 Rev. 5 to ISO/IEC 27001:2022 Annex A"),
        "mappings/nist-csf-2.0_iso27001-2022.json": build_nist(
            nist, "mapping-csf-2.0-to-27001-2022", "nist-csf:2.0", NIST_CSF_SOURCE,
            "nist-csf-2.0_iso27001-2022", "NIST CSF 2.0 to ISO/IEC 27001:2022 Annex A"),
    }

    stale = []
    for rel, doc in files.items():
        path = args.out / rel
        text = render(doc)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if stale:
        print("stale catalog files: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
