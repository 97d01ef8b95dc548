#!/usr/bin/env python3
"""What a browser downloads for Précis, file by file, raw and gzip -9, against the 450 KB budget.

    scripts/size_report.py [--json] [--list page|widget]

- The page: everything a first analysis on index.html loads. The list is the app shell that
  www/sw.js keeps for offline visits (one list for both; tests/e2e/bench.test.mjs checks it
  against what the browser really requests), plus sw.js itself.
- The widget on a host page: the files <precis-summary> loads (the host page not counted).
- What the .wasm is made of, by crate, when `twiggy` is installed (`cargo install twiggy`):
  shares of the function bytes in cargo's module (before wasm-bindgen and wasm-opt, which
  keeps the names), applied to the code section of the shipped module. An estimate:
  wasm-opt does not shrink every crate alike, and generic code instantiated for one crate
  is counted under the crate that defines it (core, alloc).
- Data compiled in from files (include_str!/include_bytes! in src/): the models and word lists.

Run it after scripts/build.sh (which runs it and writes target/size-report.txt).
"""
import argparse
import collections
import csv
import gzip
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WWW = ROOT / "www"
BUDGET = 450 * 1024
WASM = "pkg/precis_bg.wasm"
# The crates the regex crate brings in.
REGEX_FAMILY = {"regex", "regex_automata", "regex_syntax", "aho_corasick", "memchr"}
# What <precis-summary> loads besides its host page (see README, "The widget").
WIDGET = ["widget.js", "widget.css", "analyser.js", "worker.js", "pkg/precis.js", WASM]


def page_files():
    """The app shell listed in www/sw.js, as file paths, plus sw.js."""
    text = (WWW / "sw.js").read_text(encoding="utf-8")
    block = re.search(r"const SHELL = \[(.*?)\];", text, re.S)
    if not block:
        sys.exit("size_report: no `const SHELL = [...]` in www/sw.js")
    files = []
    for entry in re.findall(r"'([^']*)'", block.group(1)):
        path = "index.html" if entry in ("./", "") else entry
        if path not in files:
            files.append(path)
    return files + ["sw.js"]


def gz(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def sizes(files):
    rows = []
    for name in files:
        path = WWW / name
        if not path.is_file():
            sys.exit(f"size_report: www/{name} is missing (run scripts/build.sh first)")
        data = path.read_bytes()
        rows.append({"file": name, "bytes": len(data), "gzip": gz(data)})
    return {
        "files": rows,
        "bytes": sum(r["bytes"] for r in rows),
        "gzip": sum(r["gzip"] for r in rows),
    }


def twiggy_rows(path):
    out = subprocess.run(
        ["twiggy", "top", "-n", "1000000", "--format", "csv", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [(r["Name"], int(r["ShallowSize"])) for r in csv.DictReader(io.StringIO(out))]


def crate_of(name):
    """The crate a function symbol belongs to: the first path in it
    (`<regex_syntax::X as Y>::f` → regex_syntax, `<&mut I as core::iter::Iterator>::fold` → core)."""
    m = re.search(r"(?<![A-Za-z0-9_])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if m:
        return m.group(1)
    # Methods of primitive types (`<str>::to_lowercase`, `<[u8]>::eq`) live in core.
    if re.match(r"^<+&*(?:str|char|bool|[iuf](?:8|16|32|64|128|size)|\[\w+\]|T)[ >]", name):
        return "core"
    return None


def cargo_wasm():
    """The module as cargo wrote it for the profile in wasm-pack.toml, names still in."""
    settings = json.loads(
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_settings.py"), str(ROOT / "wasm-pack.toml"), "--json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    # wasm-pack's own names map to cargo's profile directories; a custom profile is its own.
    folder = {"release": "release", "profiling": "release", "dev": "debug"}.get(settings["profile"], settings["profile"])
    return ROOT / "target" / "wasm32-unknown-unknown" / folder / "precis.wasm"


def by_crate():
    """Estimated bytes of the shipped .wasm per crate, or a reason why there is none."""
    CARGO_WASM = cargo_wasm()
    if not shutil.which("twiggy"):
        return {"skipped": "twiggy is not installed (cargo install twiggy)"}
    if not CARGO_WASM.is_file():
        return {"skipped": f"{CARGO_WASM.relative_to(ROOT)} is missing (run scripts/build.sh)"}
    functions = collections.Counter()
    data = 0
    for name, size in twiggy_rows(CARGO_WASM):
        if name.startswith("data segment"):
            data += size
            continue
        if name.startswith(("custom section", "export ", "import ", "elem[", "table[", "type[")) or "subsection" in name:
            continue
        if name.startswith("__wbindgen_describe"):
            continue  # wasm-bindgen reads these and removes them
        if name.startswith(("__wbg", "__wbindgen", "__externref")):
            functions["wasm_bindgen"] += size
            continue
        functions[crate_of(name) or "(other)"] += size
    shipped_code = shipped_data = 0
    for name, size in twiggy_rows(WWW / WASM):
        if name.startswith("code["):
            shipped_code += size
        elif name.startswith("data["):
            shipped_data += size
    total = sum(functions.values())
    crates = [
        {"crate": crate, "share": size / total, "bytes": round(shipped_code * size / total)}
        for crate, size in functions.most_common()
    ]
    return {"code": shipped_code, "data": shipped_data, "cargo_data": data, "crates": crates}


def embedded():
    """Files compiled into the module with include_str!/include_bytes!, with their sizes."""
    found = []
    for src in sorted((ROOT / "src").rglob("*.rs")):
        for rel in re.findall(r'include_(?:str|bytes)!\(\s*"([^"]+)"\s*\)', src.read_text(encoding="utf-8")):
            path = (src.parent / rel).resolve()
            if path.is_file():
                data = path.read_bytes()
                found.append({"file": str(path.relative_to(ROOT)), "bytes": len(data), "gzip": gz(data)})
    return found


def kib(n):
    return f"{n / 1024:,.1f} KiB"


def table(title, report, note=""):
    lines = [title]
    lines.append(f"  {'file':<24} {'bytes':>10} {'gzip -9':>10}")
    for r in report["files"]:
        lines.append(f"  {r['file']:<24} {r['bytes']:>10,} {r['gzip']:>10,}")
    lines.append(f"  {'total':<24} {report['bytes']:>10,} {report['gzip']:>10,}  = {kib(report['gzip'])} gzip{note}")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--list", choices=["page", "widget"], help="print only the file list, one a line")
    args = ap.parse_args()

    if args.list:
        print("\n".join(page_files() if args.list == "page" else WIDGET))
        return
    report = {
        "budget": BUDGET,
        "page": sizes(page_files()),
        "widget": sizes(WIDGET),
        "wasm": by_crate(),
        "embedded": embedded(),
    }
    if args.json:
        print(json.dumps(report, indent=1))
        return

    page = report["page"]
    br = WWW / (WASM + ".br")
    if br.is_file():
        wasm_gz = next(f["gzip"] for f in page["files"] if f["file"] == WASM)
        report["page"]["as_sent_br"] = page["gzip"] - wasm_gz + br.stat().st_size
    verdict = "within" if page["gzip"] <= BUDGET else "OVER"
    out = table(
        "The page, first analysis (index.html and all it loads; www/sw.js lists them):",
        page,
        f", {verdict} the budget of {kib(BUDGET)}",
    )
    if "as_sent_br" in page:
        out.append(
            f"  as scripts/server.mjs sends it to a browser accepting br ({WASM}.br, {br.stat().st_size:,} bytes): "
            f"{page['as_sent_br']:,} = {kib(page['as_sent_br'])}"
        )
    out.append("")
    out += table("The widget on a host page (the host page itself not counted):", report["widget"])
    out.append("")
    wasm = report["wasm"]
    if "skipped" in wasm:
        out.append(f"The .wasm by crate: skipped, {wasm['skipped']}.")
    else:
        out.append(
            f"The .wasm by crate: code {wasm['code']:,} bytes, data {wasm['data']:,} bytes (shipped module). "
            "Code split by each crate's share of the function bytes before wasm-opt (twiggy):"
        )
        rest = 0
        for c in wasm["crates"]:
            if c["share"] >= 0.005:
                out.append(f"  {c['crate']:<24} {c['bytes']:>10,}  {100 * c['share']:5.1f} %")
            else:
                rest += c["bytes"]
        out.append(f"  {'(smaller ones)':<24} {rest:>10,}")
        family = [c for c in wasm["crates"] if c["crate"] in REGEX_FAMILY]
        out.append(
            f"  regex with its engine ({', '.join(c['crate'] for c in family)}): "
            f"{sum(c['bytes'] for c in family):,} bytes, {100 * sum(c['share'] for c in family):.1f} % of the code"
        )
    out.append("")
    out.append("Data compiled in from files (models, word lists):")
    for e in report["embedded"] or [{"file": "(none)", "bytes": 0, "gzip": 0}]:
        out.append(f"  {e['file']:<32} {e['bytes']:>10,} bytes {e['gzip']:>10,} gzip -9")
    print("\n".join(out))


if __name__ == "__main__":
    main()
