#!/usr/bin/env python3
"""Score `vietdoc parse` on OCR'd documents against its own parse of the truth.

fixtures/heldout/ holds short provincial documents the team wrote (src/*.txt),
rendered as scanned pages and OCR'd with Tesseract's English model by
../shared/ocrgen, as line-aligned pairs `<doc>-<degradation>.ocr.txt` /
`.truth.txt`. For every pair this parses both sides and counts, per field, how
many records of the truth parse the OCR parse reproduces (F1 over exact
records: references by full symbol and date, dates and periods by value and
line, KPIs by value, unit and line, header and signature fields by value,
sections by numbering and line, recipients by line). It needs no gold file:
the truth parse is the reference, so the score isolates what OCR damage costs
after repair.

    cargo build --release
    python3 examples/heldout_parse.py [--dir fixtures/heldout] [--set A|B|C] [-v FIELD ...]
    # re-render and re-OCR from src/ (needs ../shared/ocrgen and Tesseract):
    python3 examples/heldout_parse.py --render --shared ../shared
"""
import argparse
import glob
import json
import os
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--dir", default="fixtures/heldout")
ap.add_argument("--bin", default="target/release/vietdoc")
ap.add_argument("--set", help="only documents of this set (see fixtures/heldout/README.md)")
ap.add_argument("--render", action="store_true", help="regenerate the OCR pairs with ocrgen")
ap.add_argument("--shared", default="../shared")
ap.add_argument("-v", nargs="*", default=[], help="print the differing records of these fields")
ap.add_argument("--gold", action="store_true",
                help="score against the hand-checked extracts in DIR/gold instead (pooled per set and text)")
a = ap.parse_args()

# Which source documents belong to which set, and how each was rendered.
SETS = json.load(open(os.path.join(a.dir, "sets.json"), encoding="utf-8"))


def render():
    tmp = os.path.join(a.dir, ".render")
    for set_name, spec in SETS.items():
        if a.set and a.set != set_name:
            continue
        for doc in spec["docs"]:
            for deg in spec["degradations"]:
                out = os.path.join(tmp, f"{doc}-{deg}")
                subprocess.run(
                    ["python3", os.path.join(a.shared, "ocrgen/ocrgen.py"),
                     os.path.join(a.dir, "src", doc + ".txt"), "-o", out, "--degrade", deg,
                     "--seed", str(spec["seed"]), "--langs", "eng"] + spec.get("ocrgen_args", []),
                    check=True, stdout=subprocess.DEVNULL)
                rows = [json.loads(l) for l in open(os.path.join(out, "pairs.jsonl"), encoding="utf-8")]
                n = max(r["line"] for r in rows)
                ocr, truth = [""] * n, [""] * n
                for r in rows:
                    ocr[r["line"] - 1], truth[r["line"] - 1] = r["eng"], r["truth"]
                base = os.path.join(a.dir, f"{doc}-{deg}")
                for suffix, lines in ((".ocr.txt", ocr), (".truth.txt", truth)):
                    with open(base + suffix, "w", encoding="utf-8") as w:
                        w.write("\n".join(lines) + "\n")


def parse(path):
    out = subprocess.run([a.bin, "parse", path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def value(f):
    return (f or {}).get("value")


def records(d):
    k = {
        "refs": {(r["full"], r.get("date")) for r in d["references"]},
        "dates": {(x["value"], x["line"]) for x in d["dates"]},
        "periods": {(json.dumps(x["value"], sort_keys=True), x["line"]) for x in d["periods"]},
        "kpis": {(json.dumps(x["value"]), x["unit"], x["line"]) for x in d["kpis"]},
        "header": {(f, value(v)) for f, v in d["header"].items()},
        "signature": {(f, value(v)) for f, v in (d.get("signature") or {}).items()},
        "sections": set(),
        "recipients": {r["line"] for r in d["recipients"]},
    }

    def walk(sections):
        for s in sections:
            k["sections"].add((s["numbering"], s["line_start"]))
            walk(s.get("children", []))

    walk(d["sections"])
    return k


def gold_scores():
    """Pools `vietdoc eval parse` of every document with a hand-checked extract
    (DIR/gold/<doc>.extract.json), per set and per text: the clean truth and
    each degradation's OCR."""
    sets = {doc: name for name, spec in SETS.items() for doc in spec["docs"]}
    pools = {}
    for path in sorted(glob.glob(os.path.join(a.dir, "gold", "*.extract.json"))):
        doc = os.path.basename(path)[: -len(".extract.json")]
        name = sets.get(doc, "?")
        if a.set and a.set != name:
            continue
        texts = [("truth", f"{doc}-light.truth.txt")]
        texts += [(deg, f"{doc}-{deg}.ocr.txt") for deg in SETS[name]["degradations"]]
        for kind, file in texts:
            out = subprocess.run([a.bin, "eval", "parse", "--json", "--gold", path,
                                  os.path.join(a.dir, file)], capture_output=True, text=True, check=True)
            j = json.loads(out.stdout)
            # Sets A-Y are the development sets; Z and the later ones are
            # pooled on their own.
            group = "dev" if len(name) == 1 and name != "Z" else name
            key = (group, "truth" if kind == "truth" else "ocr")
            p = pools.setdefault(key, {})
            for f in ("references", "dates", "periods", "kpis"):
                c = p.setdefault(f, [0, 0, 0])
                for i, k in enumerate(("tp", "fp", "fn")):
                    c[i] += j[f][k]
            h = p.setdefault("header", [0, 0])
            h[0] += j["header"]["correct"]
            h[1] += j["header"]["total"]
            s = p.setdefault("signer", [0, 0])
            s[0] += bool(j["signer_exact"])
            s[1] += 1
    for (group, text), p in sorted(pools.items()):
        row = []
        for f in ("references", "dates", "kpis", "periods"):
            tp, fp, fn = p[f]
            row.append(f"{f} {2 * tp / max(1, 2 * tp + fp + fn):.3f}")
        row.append(f"header {p['header'][0]}/{p['header'][1]}")
        row.append(f"signer {p['signer'][0]}/{p['signer'][1]}")
        print(f"{group:4} {text:6}", " ".join(row))


if a.gold:
    gold_scores()
    raise SystemExit
if a.render:
    render()
total = {}
for set_name, spec in SETS.items():
    if a.set and a.set != set_name:
        continue
    for doc in spec["docs"]:
        for deg in spec["degradations"]:
            base = os.path.join(a.dir, f"{doc}-{deg}")
            got, want = records(parse(base + ".ocr.txt")), records(parse(base + ".truth.txt"))
            row = []
            for field in want:
                tp = len(got[field] & want[field])
                fp, fn = len(got[field] - want[field]), len(want[field] - got[field])
                t = total.setdefault(field, [0, 0, 0])
                t[0], t[1], t[2] = t[0] + tp, t[1] + fp, t[2] + fn
                # Nothing to find and nothing found counts as right.
                f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
                row.append(f"{field} {f1:.2f}")
                if field in a.v and (fp or fn):
                    print(f"  {doc}-{deg} {field} extra {sorted(got[field] - want[field], key=str)}"
                          f" missing {sorted(want[field] - got[field], key=str)}")
            print(f"{set_name} {doc}-{deg}".ljust(18), " ".join(row))
print("TOTAL", " ".join(f"{f} {2 * t[0] / max(1, 2 * t[0] + t[1] + t[2]):.3f}" for f, t in total.items()))
