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
LAST_MODIFIED = "2026-11-23T00:00:00Z"
NS = "urn:cloudcomply:oscal"
UUID_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cloudcomply:catalog")

ANNEX_B_SOURCE = "ISO/IEC 27002:2022 Annex B correspondence"
CLD_2022_SOURCE = "cloudcomply reading of the CLD guidance against ISO/IEC 27002:2022"
CLD_2026_SOURCE = "cloudcomply reading of the ISO/IEC 27017:2026 cloud guidance summaries"
CCM_SOURCE = "CSA CCM v4.0 mapping column (partial: controls with automated checks)"
NIST_80053_SOURCE = "NIST OLIR: SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (2023-10-12)"
NIST_CSF_SOURCE = "NIST OLIR: CSF 2.0 to ISO/IEC 27001:2022"
EDITION_SOURCE = "ISO/IEC 27017:2026 follows the ISO/IEC 27002:2022 control set and numbering"

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
    groups = clause_groups(lists["clause_4_10_isms_requirements"])
    for theme, (number, title) in sorted(THEME_TITLES.items(), key=lambda t: int(t[1][0])):
        groups.append({
            "id": f"theme-{theme}",
            "class": "theme",
            "title": title,
            "props": [prop("label", f"A.{number}")],
            "controls": themes[theme],
        })
    meta = metadata(
        "ISO/IEC 27001:2022 — ISMS requirements (clauses 4 to 10) and Annex A controls", "2022",
        "iso27001:2022",
        "The requirements of clauses 4 to 10 (7 clauses as groups, 34 sub-clauses as controls, "
        "referenced as 'clause 6.1.2') followed by the 93 Annex A controls in four themes "
        "(referenced as 'A.8.15'). " + LICENCE_REMARK)
    return catalog_doc("iso27001:2022", meta, groups)


def clause_ref(number):
    """How the catalog names an ISMS requirement of clauses 4-10: the spelling NIST uses."""
    return f"clause {number}"


def clause_groups(entries):
    """Clauses 4-10: each top-level clause is a group, its sub-clauses are controls, and a
    third level (6.1.1, 7.5.2, 9.2.1, ...) nests inside its sub-clause."""
    assert len(entries) == 41, len(entries)
    by_id = {e["id"]: e for e in entries}
    children = {}
    for e in entries:
        children.setdefault(e["parent"], []).append(e)

    def requirement(e):
        c = {
            "id": oscal_id("cl", e["id"]),
            "title": e["title"],
            "props": [prop("label", clause_ref(e["id"])),
                      prop("control-set", "iso27001:2022-clauses")],
        }
        nested = [requirement(child) for child in children.get(e["id"], [])]
        if nested:
            c["controls"] = nested
        return c

    groups = []
    for top in children[None]:
        assert top["level"] == 1 and top["id"] in by_id
        groups.append({
            "id": oscal_id("clause", top["id"]),
            "class": "clause",
            "title": top["title"],
            "props": [prop("label", clause_ref(top["id"]))],
            "controls": [requirement(e) for e in children[top["id"]]],
        })
    return groups


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


def build_iso27017_to_2026(lists, ref):
    links = []
    for cld, (_, text_2026) in ref["cld_2022_counterparts"].items():
        for target in re.findall(r"\b\d\.\d+\b", text_2026):
            links.append(link(f"iso27017:2015/{cld}", f"iso27017:2026/{target}", CLD_2026_SOURCE,
                              "derived", "successor",
                              "Where the content of this control sits in the 2026 edition; no "
                              "official correspondence table exists."))
    # The base controls follow the 27002 editions: 2013 numbering in 2015, 2022 in 2026.
    for row in lists["correspondence_2013_to_2022"]:
        for target in row["to"]:
            links.append(link(f"iso27017:2015/{row['from']}", f"iso27017:2026/{target}",
                              ANNEX_B_SOURCE, "official", "corresponds",
                              "ISO/IEC 27017:2026 numbers its base controls as ISO/IEC 27002:2022."))
    return mapping_doc("iso27017-2015_iso27017-2026",
                       "ISO/IEC 27017:2015 (27002:2013 numbering and CLD) to ISO/IEC 27017:2026",
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
        # NIST names Annex A controls "A.5.2" and ISMS requirements "clause 6.1.2"; the
        # catalog uses both spellings as they are.
        if not re.fullmatch(r"A\.\d+\.\d+|clause \d+(\.\d+)*", target):
            raise ValueError(f"unexpected ISO/IEC 27001:2022 reference {target!r}")
        pair = (row["nist"], target)
        if pair in seen:
            continue
        seen.add(pair)
        links.append(link(f"{framework}/{row['nist']}", f"iso27001:2022/{target}", source,
                          "official", row["relationship"]))
    return mapping_doc(name, title, framework, "iso27001:2022", links)

# --- ISO/IEC 27017:2026 -------------------------------------------------------------------

GUIDANCE_2026_REMARK = (
    "The list of controls with cloud guidance in the 2026 edition comes from one public "
    "summary of the standard (confidence low-medium).")
POINTER_2026_REMARK = (
    "Reported to carry only a short pointer note in the 2026 edition, not cloud guidance of "
    "its own (single public source).")

# Our own reading of the four controls the 2026 edition adds. Only titles are known from
# public sources; the texts below say what the title and, where one exists, the 2015
# predecessor imply, and make no claim about the standard's wording.
NEW_2026_TEXTS = {
    "5.38": dict(
        intent="Customer and provider agree who carries out which security task for each cloud "
               "service, write the split down and keep it current, so that no duty falls "
               "between them. Continues ISO/IEC 27017:2015 CLD.6.3.1.",
        csc="Record which security tasks it keeps for its use of each cloud service, give them "
            "owners and tell its cloud users what they must do.",
        csp="Publish which security capabilities the service provides and which tasks the "
            "customer has to carry out itself, and keep that information current.",
        evidence="Shared-responsibility matrix per service; the provider's responsibility "
                 "documentation; agreement clauses naming each side's tasks."),
    "5.39": dict(
        intent="Where a cloud service partner (for example a broker, integrator, managed "
               "service firm or auditor working for either side) takes part in delivering or "
               "using a service, its security tasks are agreed in writing and fit with those "
               "of the customer and the provider. Our reading of the title; no 2015 "
               "predecessor exists.",
        csc="Agree and record the security tasks of each partner it engages for its cloud use, "
            "and how they fit with the provider's commitments.",
        csp="Agree the security tasks of partners it relies on to deliver the service and tell "
            "customers which tasks a partner performs.",
        evidence="Partner agreements or statements of work naming security tasks; the "
                 "responsibility matrix extended to partners."),
    "8.35": dict(
        intent="Each tenant's virtual resources and data stay separated from those of other "
               "tenants and from the provider's own management systems. Continues ISO/IEC "
               "27017:2015 CLD.9.5.1.",
        csc="Use the isolation features the service offers (separate accounts, networks and "
            "keys) and configure them for its own workloads.",
        csp="Enforce separation between tenants' compute, storage and networks, and between "
            "tenants and the management plane, and describe how it does so.",
        evidence="The provider's description of tenant isolation and its attestation reports; "
                 "the customer's account and network segmentation design."),
    "8.36": dict(
        intent="Use of cloud services that has not been authorised, whether services adopted "
               "without approval or approved services used by compromised or misused accounts, "
               "is detected and stopped. Our reading of the title; no 2015 predecessor exists.",
        csc="Watch for cloud services and accounts in use without approval and for unusual use "
            "of approved ones, and act on what it finds.",
        csp="Monitor the service for use that breaks its terms or comes from compromised "
            "accounts, act on it and inform the customers affected.",
        evidence="Discovery reports of cloud services in use; alerts and their handling "
                 "records; the provider's abuse-handling procedure."),
}

LEVELS = ("manual", "partial", "automated")


def control_attributes(doc):
    """label -> cloud-guidance, party and automatable of every control in a built catalog."""
    out = {}

    def walk(node):
        for group in node.get("groups", []):
            walk(group)
        for c in node.get("controls", []):
            props = {p["name"]: p["value"] for p in c["props"]}
            out[props["label"]] = (props.get("cloud-guidance") == "true", props.get("party"),
                                   props.get("automatable"))
            walk(c)

    walk(doc["catalog"])
    return out


def title_variant_2026(title, note):
    """The reference describes each variant in a sentence; the prop holds the other title."""
    quoted = re.search(r'"([^"]+)"', note)
    if quoted and len(quoted.group(1).split()) > 2:
        return quoted.group(1)
    if "unauthorised" in note:
        return title.replace("unauthorized", "unauthorised")
    raise ValueError(f"cannot read a title variant from {note!r}")


def build_iso27017_2026(lists, ref, attrs_2015):
    data = lists["iso27017_2026"]
    new = {c["id"]: c for c in data["new_cloud_controls"]}
    variants = data["new_cloud_controls_title_variants"]
    guided = {c["id"] for c in data["controls_with_cloud_specific_guidance"]}
    pointer_only = set(data["borderline_controls_with_pointer_only"])
    assert len(new) == 4 and len(guided) == 39, (len(new), len(guided))

    # 2022 id -> the 2015 rows whose content it took over: the Annex B rows, and the CLD
    # controls whose place in the 2026 edition the reference gives.
    predecessors = {}
    for row in lists["correspondence_2013_to_2022"]:
        for target in row["to"]:
            predecessors.setdefault(target, []).append((row["from"], "official"))
    for cld, (_, text_2026) in ref["cld_2022_counterparts"].items():
        for target in re.findall(r"\b\d\.\d+\b", text_2026):
            predecessors.setdefault(target, []).append((cld, "derived"))

    def derived_props(cid, has_guidance):
        preds = predecessors.get(cid, [])
        if not preds:
            return []  # new in 2022 with no 2015 ancestor: unknown, not a guess
        names = ", ".join(p for p, _ in preds)
        out = []
        guided_preds = [p for p, _ in preds if attrs_2015[p][0]]
        if has_guidance and guided_preds:
            parties = {attrs_2015[p][1] for p in guided_preds}
            party = parties.pop() if len(parties) == 1 else "both"
            out.append(prop("party", party,
                            "Derived from the ISO/IEC 27017:2015 cloud guidance of "
                            f"{', '.join(guided_preds)} through the crosswalk; not read from "
                            "the 2026 text."))
        elif not has_guidance:
            out.append(prop("party", "both",
                            "No cloud guidance: each party applies the control in its own ISMS."))
        level = min((attrs_2015[p][2] for p, _ in preds), key=LEVELS.index)
        out.append(prop("automatable", level,
                        f"Derived: the lowest level among ISO/IEC 27017:2015 {names}, reached "
                        "through the crosswalk."))
        return out

    themes = {}
    for a in lists["iso27001_2022_annex_a"]:
        cid = a["id"]
        has_guidance = cid in guided
        remark = GUIDANCE_2026_REMARK if has_guidance else (
            POINTER_2026_REMARK if cid in pointer_only else None)
        props = [prop("label", cid), prop("control-set", "iso27002:2022"),
                 prop("cloud-guidance", "true" if has_guidance else "false", remark)]
        props += derived_props(cid, has_guidance)
        props.append(prop("new-in-2022", "true" if a["new_in_2022"] else "false"))
        themes.setdefault(a["theme"], []).append(
            {"id": oscal_id("c", cid), "title": a["title"], "props": props})

    for cid, c in sorted(new.items(), key=lambda kv: [int(n) for n in kv[0].split(".")]):
        note = f"Title confidence {c['confidence']}."
        if cid in variants:
            note += (" Another public source words it: "
                     f"\"{title_variant_2026(c['title'], variants[cid])}\".")
        props = [prop("label", cid), prop("control-set", "iso27017:2026-cloud"),
                 prop("cloud-guidance", "true"), prop("data-confidence", c["confidence"], note)]
        if cid in variants:
            props.append(prop("title-variant", title_variant_2026(c["title"], variants[cid]),
                              variants[cid]))
        props += derived_props(cid, True)
        texts = NEW_2026_TEXTS[cid]
        parts = cloud_parts(oscal_id("c", cid), texts["intent"], texts["csc"], texts["csp"],
                            texts["evidence"], None)
        themes.setdefault(c["theme"], []).append(
            {"id": oscal_id("c", cid), "title": c["title"], "props": props, "parts": parts})

    groups = []
    for theme, (number, title) in sorted(THEME_TITLES.items(), key=lambda t: int(t[1][0])):
        groups.append({"id": f"theme-{theme}", "class": "theme", "title": title,
                       "props": [prop("label", number)], "controls": themes[theme]})
    count = sum(len(g["controls"]) for g in groups)
    assert count == 97, count
    meta = metadata(
        "ISO/IEC 27017:2026 — information security controls for cloud services", "2026",
        "iso27017:2026",
        "Second edition (reported published 2026-07-27), built on the ISO/IEC 27002:2022 "
        "control set: its 93 controls in four themes plus the cloud controls 5.38, 5.39, 8.35 "
        "and 8.36. Which controls carry cloud guidance comes from a single public summary "
        "(low-medium confidence); party and automation levels are derived from the 2015 "
        "edition through the crosswalk and say so in their remarks. " + LICENCE_REMARK)
    return catalog_doc("iso27017:2026", meta, groups)


def build_iso27001_to_2026(lists):
    links = [link(f"iso27001:2022/A.{a['id']}", f"iso27017:2026/{a['id']}", EDITION_SOURCE,
                  "derived", "equivalent",
                  "Same ISO/IEC 27002:2022 control; the 2026 edition may add cloud guidance.")
             for a in lists["iso27001_2022_annex_a"]]
    return mapping_doc("iso27001-2022_iso27017-2026",
                       "ISO/IEC 27001:2022 Annex A to ISO/IEC 27017:2026 (same 27002:2022 controls)",
                       "iso27001:2022", "iso27017:2026", links)


# --- ISO/IEC 27018:2019 -------------------------------------------------------------------

def iso27018_note(entry):
    confidence = entry["confidence"]
    if entry["id"] in ("A.11.9", "A.11.10"):
        return ("Public sources disagree on the order of A.11.9 and A.11.10; this catalog "
                "follows the 2014 edition's order and one requirement page. Confidence medium.")
    if confidence == "medium-high":
        return "Title taken from public secondary sources, not checked against the standard."
    return None


def build_iso27018(lists):
    controls = lists["iso27018_2019_annex_a"]
    assert len(controls) == 25, len(controls)
    groups = []
    for cat in lists["iso27018_2019_annex_a_categories"]:
        members = []
        for e in (c for c in controls if c["category_id"] == cat["id"]):
            props = [prop("label", e["id"]), prop("control-set", "iso27018:2019-annex-a"),
                     prop("data-confidence", e["confidence"], iso27018_note(e))]
            for source, title in sorted(e.get("title_variants_seen", {}).items()):
                props.append(prop("title-variant", title, f"as listed by {source}"))
            members.append({"id": oscal_id("a", e["id"].removeprefix("A.")), "title": e["title"],
                            "props": props})
        assert bool(members) == cat["has_controls"], cat
        group = {"id": oscal_id("cat", cat["id"].removeprefix("A.")), "class": "category",
                 "title": cat["title"], "props": [prop("label", cat["id"])]}
        if members:
            group["controls"] = members
        groups.append(group)
    meta = metadata(
        "ISO/IEC 27018:2019 — Annex A, public cloud PII processor controls", "2019",
        "iso27018:2019",
        "The 25 controls of Annex A in the 12 privacy-principle categories A.1 to A.12 "
        "(A.1, A.4, A.7 and A.9 hold none). Identifiers and titles only; entries below high "
        "confidence say why in the data-confidence prop. " + LICENCE_REMARK)
    return catalog_doc("iso27018:2019", meta, groups)


# --- NIST ----------------------------------------------------------------------------------

NIST_REMARK = ("NIST publications are in the public domain; titles and statements are "
               "reproduced as NIST publishes them.")


def nist_sort_key(family_order, control_id):
    m = re.fullmatch(r"([A-Z]{2})-(\d+)(?:\((\d+)\))?", control_id)
    assert m, control_id
    return family_order[m.group(1)], int(m.group(2)), int(m.group(3) or 0)


def build_nist_80053(nist):
    families = nist["nist-sp-800-53-r5-families"]
    order = {f["id"]: i for i, f in enumerate(families)}
    entries = sorted(nist["nist-sp-800-53-r5"], key=lambda e: nist_sort_key(order, e["id"]))
    assert len(entries) == 1189, len(entries)

    def control(e):
        oid = e["id"].lower().replace("(", ".").replace(")", "")
        props = [prop("label", e["id"])]
        if e["statement"].startswith("[Withdrawn"):
            props.append({"name": "status", "value": "withdrawn"})  # OSCAL's own prop
        c = {"id": oid, "class": "SP800-53-enhancement" if "(" in e["id"] else "SP800-53",
             "title": e["title"], "props": props}
        if e["statement"]:
            c["parts"] = [{"id": f"{oid}_smt", "name": "statement", "prose": e["statement"]}]
        return c

    by_family = {}
    bases = {}
    for e in entries:
        if "(" in e["id"]:
            bases[e["id"].split("(")[0]].setdefault("controls", []).append(control(e))
        else:
            c = control(e)
            bases[e["id"]] = c
            by_family.setdefault(e["parent"], []).append(c)
    groups = [{"id": f["id"].lower(), "class": "family", "title": f["title"],
               "props": [prop("label", f["id"])], "controls": by_family[f["id"]]}
              for f in families]
    meta = metadata(
        "NIST SP 800-53 Rev. 5 — Security and Privacy Controls for Information Systems and "
        "Organizations", "5", "nist-800-53:r5",
        "1,189 controls and control enhancements in 20 families; enhancements nest inside "
        "their base control. " + NIST_REMARK)
    return catalog_doc("nist-800-53:r5", meta, groups)


def build_nist_csf(nist):
    entries = nist["nist-csf-2.0"]
    functions = []
    for e in entries:
        node = {"id": e["id"].lower(), "props": [prop("label", e["id"])]}
        if e["depth"] == 1:
            node.update({"class": "function", "title": e["title"],
                         "parts": [{"id": f"{node['id']}_smt", "name": "statement",
                                    "prose": e["text"]}], "groups": []})
            functions.append(node)
        elif e["depth"] == 2:
            node.update({"class": "category", "title": e["title"],
                         "parts": [{"id": f"{node['id']}_smt", "name": "statement",
                                    "prose": e["text"]}], "controls": []})
            assert e["id"].startswith(functions[-1]["props"][0]["value"] + "."), e["id"]
            functions[-1]["groups"].append(node)
        else:
            # Subcategories have no title of their own; their outcome text serves as one.
            node.update({"class": "subcategory", "title": e["text"],
                         "parts": [{"id": f"{node['id']}_smt", "name": "statement",
                                    "prose": e["text"]}]})
            category = functions[-1]["groups"][-1]
            assert e["id"].startswith(category["props"][0]["value"] + "-"), e["id"]
            category["controls"].append(node)
    assert len(functions) == 6, len(functions)
    meta = metadata(
        "NIST Cybersecurity Framework (CSF) 2.0", "2.0", "nist-csf:2.0",
        "Functions, categories and subcategories; each subcategory is a control whose title "
        "is its outcome text. " + NIST_REMARK)
    return catalog_doc("nist-csf:2.0", meta, groups=functions)


# --- CSA CCM v4 ----------------------------------------------------------------------------

CCM_TITLE_REMARK = "CSA's titles are not reproduced; the catalog knows this control by its id."

# CCM v4.0: each domain's id prefix, its name and how many controls it numbers (01..n).
# Identifiers, domain names and counts are facts; 197 controls in 17 domains.
CCM_DOMAINS = [
    ("A&A", "Audit & Assurance", 6),
    ("AIS", "Application & Interface Security", 7),
    ("BCR", "Business Continuity Management and Operational Resilience", 11),
    ("CCC", "Change Control and Configuration Management", 9),
    ("CEK", "Cryptography, Encryption & Key Management", 21),
    ("DCS", "Datacenter Security", 15),
    ("DSP", "Data Security and Privacy Lifecycle Management", 19),
    ("GRC", "Governance, Risk and Compliance", 8),
    ("HRS", "Human Resources", 13),
    ("IAM", "Identity & Access Management", 16),
    ("IPY", "Interoperability & Portability", 4),
    ("IVS", "Infrastructure & Virtualization Security", 9),
    ("LOG", "Logging and Monitoring", 13),
    ("SEF", "Security Incident Management, E-Discovery, & Cloud Forensics", 8),
    ("STA", "Supply Chain Management, Transparency, and Accountability", 14),
    ("TVM", "Threat & Vulnerability Management", 10),
    ("UEM", "Universal Endpoint Management", 14),
]
CCM_ID = re.compile(r"(?:[A-Z]{3}|A&A)-\d{2}")


def ccm_oscal_id(label):
    """OSCAL ids are tokens, which may not hold '&': "A&A-01" -> "a-a-01"."""
    return label.replace("&", "-").lower()


def build_ccm_framework(ref):
    cited = {c for ccm in ref["csa_ccm_official_partial"].values() for c in ccm}
    all_ids = set()

    def untitled(label):
        # OSCAL requires a title; the label stands in and the title-known prop tells the
        # loader not to show it as one.
        return {"title": label,
                "props": [prop("label", label), prop("title-known", "false", CCM_TITLE_REMARK)]}

    groups = []
    for domain, name, count in CCM_DOMAINS:
        members = [f"{domain}-{n:02d}" for n in range(1, count + 1)]
        for cid in members:
            assert CCM_ID.fullmatch(cid), cid
        all_ids.update(members)
        groups.append({"id": "domain-" + ccm_oscal_id(domain), "class": "domain", "title": name,
                       "props": [prop("label", domain)],
                       "controls": [{"id": ccm_oscal_id(cid), **untitled(cid)} for cid in members]})
    assert len(all_ids) == 197, len(all_ids)
    # The mappings may only name controls that exist; a typo in the reference stops here.
    assert cited <= all_ids, sorted(cited - all_ids)
    meta = metadata(
        "CSA Cloud Controls Matrix v4 — control identifiers", "4", "csa-ccm:4",
        f"All {len(all_ids)} CCM v4.0 control ids in their {len(groups)} domains. Identifiers "
        "and domain names only: no CSA control titles or text.")
    return catalog_doc("csa-ccm:4", meta, groups)


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

    iso27017_2015 = build_iso27017(lists, ref)
    files = {
        "iso27017-2015.json": iso27017_2015,
        "iso27017-2026.json": build_iso27017_2026(lists, ref, control_attributes(iso27017_2015)),
        "iso27001-2022.json": build_iso27001(lists),
        "iso27018-2019.json": build_iso27018(lists),
        "nist-800-53-r5.json": build_nist_80053(nist),
        "nist-csf-2.0.json": build_nist_csf(nist),
        "csa-ccm-4.json": build_ccm_framework(ref),
        "mappings/iso27017-2015_iso27001-2022.json": build_iso27017_to_27001(lists, ref),
        "mappings/iso27017-2015_iso27017-2026.json": build_iso27017_to_2026(lists, ref),
        "mappings/iso27001-2022_iso27017-2026.json": build_iso27001_to_2026(lists),
        "mappings/iso27017-2015_csa-ccm-4.json": build_ccm(lists, ref),
        "mappings/nist-800-53-r5_iso27001-2022.json": build_nist(
            nist, "mapping-800-53r5-to-27001-2022", "nist-800-53:r5", NIST_80053_SOURCE,
            "nist-800-53-r5_iso27001-2022", "NIST SP 800-53 Rev. 5 to ISO/IEC 27001:2022"),
        "mappings/nist-csf-2.0_iso27001-2022.json": build_nist(
            nist, "mapping-csf-2.0-to-27001-2022", "nist-csf:2.0", NIST_CSF_SOURCE,
            "nist-csf-2.0_iso27001-2022", "NIST CSF 2.0 to ISO/IEC 27001:2022"),
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
