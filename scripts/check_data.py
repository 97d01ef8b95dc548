#!/usr/bin/env python3
"""Runs `precis analyze --jsonl` over every document of every data set under ../shared/data
(and ../shared/samples) and checks each answer: no error, valid JSON, every offset inside the
text and on a UTF-8 character boundary, sentence / summary / ignored spans ordered and not
overlapping, each summary span within one sentence, nothing reported from ignored text.
Prints a table per set and the slowest documents (latency between answers in the stream).

Usage: scripts/check_data.py [--bin target/release/precis] [--data ../shared/data] [--limit N]
Exit 1 on any failure; exit 0 with a clear message when the data folder is absent.
"""
import argparse, glob, gzip, json, os, subprocess, sys, threading, time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)


def conll_docs(path, name):
    """CoNLL files as the NER scorer feeds them: tokens joined by a space, sentences by a newline."""
    docs, sent, sents = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent: sents.append(sent); sent = []
                if sents: docs.append("\n".join(" ".join(s) for s in sents)); sents = []
            elif not line.strip():
                if sent: sents.append(sent); sent = []
            else:
                sent.append(line.split(" ")[0])
    if sent: sents.append(sent)
    if sents: docs.append("\n".join(" ".join(s) for s in sents))
    return [{"id": f"{name}:{i}", "text": d} for i, d in enumerate(docs)]


def jsonl_docs(path, name):
    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            rec = json.loads(line)
            text = rec.get("text")
            if isinstance(text, str):
                out.append({"id": f"{name}:{rec.get('id', i)}", "text": text})
    return out


def collect(data, samples):
    sets = {}
    for path in sorted(glob.glob(os.path.join(data, "*", "**", "*.jsonl"), recursive=True)):
        name = os.path.relpath(path, data)
        sets[name] = jsonl_docs(path, name)
    for path in sorted(glob.glob(os.path.join(data, "*", "*"))):
        base = os.path.basename(path)
        if base.startswith("eng.") or base.endswith(".conll"):
            sets[os.path.relpath(path, data)] = conll_docs(path, base)
    pages = sorted(glob.glob(os.path.join(data, "pasted-pages", "*", "*")))
    for kind, fname in (("txt", "pasted.txt"), ("clip", "pasted.clipboard.txt"), ("html", "pasted.html")):
        docs = []
        for page in pages:
            p = os.path.join(page, fname)
            if os.path.exists(p):
                with open(p, encoding="utf-8", errors="replace") as f:
                    body = f.read()
                docs.append({"id": f"{os.path.basename(page)}:{kind}", ("html" if kind == "html" else "text"): body})
        if docs:
            sets[f"pasted-pages/{fname}"] = docs
    if os.path.isdir(samples):
        docs = []
        for p in sorted(glob.glob(os.path.join(samples, "*.txt"))):
            with open(p, encoding="utf-8", errors="replace") as f:
                docs.append({"id": os.path.basename(p), "text": f.read()})
        sets["samples"] = docs
    return sets


def check(req, ans):
    """The problems with one answer, as strings."""
    if "error" in ans:
        return [f"error: {ans['error']}"]
    text = ans.get("text") if "html" in req else req["text"]
    if text is None:
        return ["html input without a derived text"]
    b = text.encode("utf-8")
    n = len(b)
    problems = []

    def ok(s, e, what):
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
            problems.append(f"{what} {s}..{e} outside 0..{n}")
            return False
        for x in (s, e):
            if x < n and (b[x] & 0xC0) == 0x80:
                problems.append(f"{what} {s}..{e} not on a char boundary")
                return False
        return True

    def ordered(spans, what):
        last = 0
        for s in spans:
            if ok(s["start"], s["end"], what):
                if s["start"] < last:
                    problems.append(f"{what} {s['start']}..{s['end']} overlaps or is out of order")
                last = s["end"]

    for key in ("sentences", "summary", "ignored"):
        ordered(ans.get(key, []), key)
    sentences = [(s["start"], s["end"]) for s in ans.get("sentences", [])]
    for s in ans.get("summary", []):
        # a sentence, or a sentence less a leading dateline ("LONDON (Reuters) -")
        if not any(a <= s["start"] and s["end"] <= z for a, z in sentences):
            problems.append(f"summary {s['start']}..{s['end']} does not lie within one sentence")
    ignored = [(i["start"], i["end"]) for i in ans.get("ignored", [])]

    def in_ignored(s, e):
        return any(a < e and s < z for a, z in ignored)

    for e in ans.get("entities", []):
        if e.get("kind") not in ("person", "organization", "place"):
            problems.append(f"entity kind {e.get('kind')!r}")
        for m in e.get("mentions", []):
            if ok(m["start"], m["end"], "mention") and in_ignored(m["start"], m["end"]):
                problems.append(f"mention {m['start']}..{m['end']} in ignored text")
    for q in ans.get("quotes", []):
        if ok(q["start"], q["end"], "quote") and in_ignored(q["start"], q["end"]):
            problems.append(f"quote {q['start']}..{q['end']} in ignored text")
        sp = q.get("speaker")
        if sp:
            ok(sp["start"], sp["end"], "speaker")
    for s in ans.get("sentences", []):
        if in_ignored(s["start"], s["end"]):
            problems.append(f"sentence {s['start']}..{s['end']} in ignored text")
    return problems


def run_set(binary, docs):
    proc = subprocess.Popen([binary, "analyze", "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def feed():
        for d in docs:
            proc.stdin.write((json.dumps(d, ensure_ascii=False) + "\n").encode())
        proc.stdin.close()

    t = threading.Thread(target=feed, daemon=True)
    t0 = c0 = time.perf_counter()
    t.start()
    answers, lat = [], []
    for line in proc.stdout:
        now = time.perf_counter()
        lat.append(now - c0)
        c0 = now
        answers.append(json.loads(line))
    proc.wait()
    return answers, lat, time.perf_counter() - t0, proc.returncode, proc.stderr.read().decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("PRECIS_BIN", os.path.join(repo, "target", "release", "precis")))
    ap.add_argument("--data", default=os.path.join(repo, "..", "shared", "data"))
    ap.add_argument("--samples", default=os.path.join(repo, "..", "shared", "samples"))
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per set (0: all)")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f"check_data: no data folder at {args.data}; nothing checked (this check needs ../shared/data).")
        return 0
    if not os.path.exists(args.bin):
        print(f"check_data: no binary at {args.bin}; build it with `cargo build --release`.")
        return 1
    sets = collect(args.data, args.samples)
    failures, slow = 0, []
    print(f"{'set':52} {'docs':>6} {'MB':>7} {'errors':>6} {'bad':>5} {'seconds':>8}")
    for name, docs in sets.items():
        if args.limit:
            docs = docs[: args.limit]
        answers, lat, wall, rc, err = run_set(args.bin, docs)
        bad = errors = 0
        if rc != 0 or len(answers) != len(docs):
            print(f"{name}: the CLI exited {rc} after {len(answers)} of {len(docs)} answers\n{err[-2000:]}")
            failures += 1
        for d, a, l in zip(docs, answers, lat):
            if a.get("id") != d["id"]:
                print(f"  {name}: answer id {a.get('id')!r} where {d['id']!r} was expected")
                bad += 1
                continue
            probs = check(d, a)
            if probs:
                errors += "error" in a
                bad += 1
                if bad <= 3:
                    print(f"  {d['id']}: {'; '.join(probs[:3])}")
            slow.append((l, d["id"], len((d.get("text") or d.get("html") or "").encode())))
        failures += bad
        mb = sum(len((d.get("text") or d.get("html") or "").encode()) for d in docs) / 1e6
        print(f"{name:52} {len(docs):>6} {mb:>7.2f} {errors:>6} {bad:>5} {wall:>8.2f}")
    slow.sort(reverse=True)
    print("slowest documents (seconds, id, bytes):")
    for l, i, n in slow[:5]:
        print(f"  {l:.3f}  {i}  {n}")
    print(f"{'all documents valid' if failures == 0 else f'{failures} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
