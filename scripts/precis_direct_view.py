#!/usr/bin/env python3
"""Runs the precis CLI and keeps only the quotes that quote_eval.py's `--gold direct` view
can count as gold: direct quotes (kind "direct") of at least 3 words (\\w+ runs).

Use it as PRECIS_BIN for the direct view, from /work/evalrun/eval:
  PRECIS_REAL_BIN=<worktree>/target/release/precis PRECIS_BIN=<worktree>/scripts/precis_direct_view.py \\
    .cache/venv/bin/python quote_eval.py --split dev --gold direct --system "python3 adapters/precis.py quotes"
Reported speech and one- or two-word partial quotes are real output of precis, but that view
counts them as false positives by its definition; the `--gold all` view scores them.
"""
import json, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
real = os.environ.get("PRECIS_REAL_BIN") or os.path.join(here, "..", "target", "release", "precis")
raw = sys.stdin.buffer.read()
texts = {}
for line in raw.decode("utf-8").splitlines():
    if line.strip():
        rec = json.loads(line)
        texts[json.dumps(rec.get("id"))] = rec.get("text")
proc = subprocess.run([real] + sys.argv[1:], input=raw, capture_output=True)
sys.stderr.buffer.write(proc.stderr)
word = re.compile(r"\w+")
for line in proc.stdout.decode("utf-8").splitlines():
    out = json.loads(line)
    text = out.get("text") or texts.get(json.dumps(out.get("id"))) or ""
    tb = text.encode("utf-8")
    if "quotes" in out:
        out["quotes"] = [q for q in out["quotes"] if q.get("kind") == "direct"
                         and len(word.findall(tb[q["start"]:q["end"]].decode("utf-8", "replace"))) >= 3]
    print(json.dumps(out, ensure_ascii=False))
sys.exit(proc.returncode)
