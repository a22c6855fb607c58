#!/usr/bin/env python3
"""Rebuild whole documents from ../shared/ocr-pairs/seed002 and score vietdoc on them.

Each pairs file there is seed 002 (a clean report) typeset in one font at one scan
degradation and OCR'd with Tesseract's English model: 5 fonts x 4 degradations. The
pairs carry their line numbers, so this writes, per file, the OCR document and its
truth document line for line (`OUT/<font>-<degradation>.ocr.txt`, `.truth.txt`), then
runs `vietdoc eval repair` over all 20 (the last line printed is the TOTAL).

    cargo build --release
    python3 examples/rendered_seed002.py [--shared ../shared] [--out /tmp/seed002-docs]
"""
import argparse
import glob
import json
import os
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default="../shared")
ap.add_argument("--out", default="/tmp/seed002-docs")
ap.add_argument("--bin", default="target/release/vietdoc")
a = ap.parse_args()
os.makedirs(a.out, exist_ok=True)
args = []
for f in sorted(glob.glob(os.path.join(a.shared, "ocr-pairs/seed002/*.pairs.jsonl"))):
    name = os.path.basename(f).split(".")[0]
    rows = [json.loads(line) for line in open(f, encoding="utf-8")]
    n = max(r["line"] for r in rows)
    ocr, truth = [""] * n, [""] * n
    for r in rows:
        ocr[r["line"] - 1], truth[r["line"] - 1] = r["eng"], r["truth"]
    base = os.path.join(a.out, name)
    for suffix, lines in ((".ocr.txt", ocr), (".truth.txt", truth)):
        with open(base + suffix, "w", encoding="utf-8") as w:
            w.write("\n".join(lines) + "\n")
    args += ["--input", base + ".ocr.txt", "--gold", base + ".truth.txt"]
if not args:
    raise SystemExit(f"no pairs under {a.shared}/ocr-pairs/seed002")
subprocess.run([a.bin, "eval", "repair", *args], check=True)
