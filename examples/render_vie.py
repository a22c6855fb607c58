#!/usr/bin/env python3
"""Renders held-out documents as scans and OCRs them with Tesseract's
English and Vietnamese models (`../shared/ocrgen`, `--langs eng,vie`), for
measuring repair and parse on the Vietnamese model's output, which marks
most letters right and confuses some marks (`thấm` for `thẩm`).

    python3 examples/render_vie.py --sets BQ BR BS --out /tmp/vie
    target/release/vietdoc eval repair $(for f in /tmp/vie/*.vie.txt; do \
        echo --input $f --gold ${f%.vie.txt}.truth.txt; done)

Writes `<doc>-<degradation>.{eng,vie,truth}.txt`, line for line, for the
light and medium degradations of the sets' documents (`fixtures/heldout/
sets.json`, each with its set's ocrgen seed). Needs `../shared/ocrgen`
installed (its `install.sh`).
"""
import argparse
import json
import os
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--sets", nargs="+", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--shared", default="../shared")
ap.add_argument("--dir", default="fixtures/heldout")
ap.add_argument("--degradations", nargs="+", default=["light", "medium"])
a = ap.parse_args()
sets = json.load(open(os.path.join(a.dir, "sets.json"), encoding="utf-8"))
for name in a.sets:
    spec = sets[name]
    for doc in spec["docs"]:
        for deg in a.degradations:
            work = os.path.join(a.out, ".render", f"{doc}-{deg}")
            subprocess.run(
                ["python3", os.path.join(a.shared, "ocrgen/ocrgen.py"),
                 os.path.join(a.dir, "src", doc + ".txt"), "-o", work, "--degrade", deg,
                 "--seed", str(spec["seed"]), "--langs", "eng,vie"] + spec.get("ocrgen_args", []),
                check=True, stdout=subprocess.DEVNULL)
            rows = [json.loads(l) for l in open(os.path.join(work, "pairs.jsonl"), encoding="utf-8")]
            n = max(r["line"] for r in rows)
            texts = {k: [""] * n for k in ("eng", "vie", "truth")}
            for r in rows:
                for k in texts:
                    texts[k][r["line"] - 1] = r[k]
            for k, lines in texts.items():
                path = os.path.join(a.out, f"{doc}-{deg}.{k}.txt")
                with open(path, "w", encoding="utf-8") as w:
                    w.write("\n".join(lines) + "\n")
            print(doc, deg, flush=True)
