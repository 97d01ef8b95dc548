#!/usr/bin/env python3
"""What a browser downloads for Précis, file by file, raw and gzip -9, against the 450 KB budget.

    scripts/size_report.py [--json] [--list page|widget]

- The page: everything a first analysis on index.html loads. The list is the app shell that
  www/sw.js keeps for offline visits (one list for both; tests/e2e/bench.test.mjs checks it
  against what the browser really requests), plus sw.js itself.
- The widget on a host page: the files <precis-summary> loads (the host page not counted).
- What the .wasm is made of, by crate, and its largest functions, when `twiggy` is installed
  (`cargo install twiggy`). scripts/build.sh writes target/size/precis_bg.named.wasm: the
  same wasm-opt run with the names kept (-g), within 0.1 % of the shipped size. Generic code
  that wasm-opt inlined into a caller counts under the caller's crate. Without that copy the
  split is an estimate from cargo's module (before wasm-bindgen and wasm-opt): each crate's
  share of its function bytes, applied to the shipped code section.
- Data compiled in from files (include_str!/include_bytes! in src/, outside tests): the
  models and word lists; the rest of the data section is word lists in the code, panic
  messages and their source locations, and core's Unicode tables.

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
NAMED = ROOT / "target" / "size" / "precis_bg.named.wasm"
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


# Items that are not functions of the module: sections, tables, the name subsections.
NOT_CODE = ("data segment", "data[", "custom section", "export ", "import ", "elem[", "table[", "type[", '"')
# wasm-bindgen's generated glue (its own names, and the shims around exported functions).
GLUE = re.compile(r"^(__wbg|__wbindgen|__externref)|shim$")
# wasm-bindgen reads the describe functions at build time and removes them from the module.
DESCRIBE = re.compile(r"__wbindgen_describe|WasmDescribe|::describe(::|$)")
# core's float printing and parsing (about 23 KB gzip with their tables): src/decimal.rs and
# human_bytes in src/lib.rs keep them out; a `{}` of an f32/f64 or a str::parse::<f32> in the
# wasm path brings them back.
FLOAT_CODE = re.compile(r"flt2dec|dec2flt|fmt::float|<f(32|64) as core\S*::(fmt::\w+|str::traits::FromStr)>")


def split_functions(rows):
    """Function bytes per crate, and the functions themselves, from twiggy rows."""
    functions = collections.Counter()
    by_crate = collections.Counter()
    for name, size in rows:
        if name.startswith(NOT_CODE) or "subsection" in name or DESCRIBE.search(name):
            continue
        if GLUE.search(name):
            crate = "wasm_bindgen"
        else:
            crate = crate_of(name) or "(other)"
        by_crate[crate] += size
        functions[re.sub(r"::h[0-9a-f]{16}$", "", name)] += size
    return by_crate, functions


def section_sizes(path):
    """Bytes of the code and data sections of a module."""
    code = data = 0
    for name, size in twiggy_rows(path):
        if name.startswith("code["):
            code += size
        elif name.startswith("data["):
            data += size
    return code, data


def by_crate():
    """Bytes of the shipped .wasm per crate, or a reason why there is none."""
    if not shutil.which("twiggy"):
        return {"skipped": "twiggy is not installed (cargo install twiggy)"}
    shipped_code, shipped_data = section_sizes(WWW / WASM)
    if NAMED.is_file():
        by, functions = split_functions(twiggy_rows(NAMED))
        total = sum(by.values())
        method = f"exact: functions of {NAMED.relative_to(ROOT)}, {total:,} bytes"
        scale = 1.0
    else:
        cargo = cargo_wasm()
        if not cargo.is_file():
            return {"skipped": f"{cargo.relative_to(ROOT)} is missing (run scripts/build.sh)"}
        by, functions = split_functions(twiggy_rows(cargo))
        total = sum(by.values())
        method = f"estimate: shares of the function bytes in {cargo.relative_to(ROOT)} (no {NAMED.name})"
        scale = shipped_code / total
    crates = [
        {"crate": crate, "share": size / total, "bytes": round(size * scale)}
        for crate, size in by.most_common()
    ]
    largest = [{"function": f, "bytes": round(size * scale)} for f, size in functions.most_common(12)]
    floats = [f for f in functions if FLOAT_CODE.search(f)]
    return {
        "code": shipped_code,
        "data": shipped_data,
        "method": method,
        "crates": crates,
        "largest": largest,
        "float_code": {f: round(functions[f] * scale) for f in floats},
    }


def embedded():
    """Files compiled into the module with include_str!/include_bytes!, with their sizes
    (those named only in a `#[cfg(test)] mod tests` at the end of a file are not)."""
    found = []
    seen = set()
    for src in sorted((ROOT / "src").rglob("*.rs")):
        text = src.read_text(encoding="utf-8").split("#[cfg(test)]\nmod tests")[0]
        for rel in re.findall(r'include_(?:str|bytes)!\(\s*"([^"]+)"\s*\)', text):
            path = (src.parent / rel).resolve()
            if path.is_file() and path not in seen:
                seen.add(path)
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
        out.append(f"The .wasm: code {wasm['code']:,} bytes, data {wasm['data']:,} bytes (shipped module).")
        out.append(f"Code by crate ({wasm['method']}):")
        rest = 0
        for c in wasm["crates"]:
            if c["share"] >= 0.005:
                out.append(f"  {c['crate']:<24} {c['bytes']:>10,}  {100 * c['share']:5.1f} %")
            else:
                rest += c["bytes"]
        out.append(f"  {'(smaller ones)':<24} {rest:>10,}")
        floats = wasm["float_code"]
        out.append(
            f"core's float printing and parsing: {sum(floats.values()):,} bytes"
            + (f" ({', '.join(sorted(floats))[:200]})" if floats else " (kept out: src/decimal.rs)")
        )
        out.append("Largest functions:")
        for f in wasm["largest"]:
            out.append(f"  {f['bytes']:>8,}  {f['function'][:100]}")
    out.append("")
    out.append("Data compiled in from files (models, word lists):")
    for e in report["embedded"] or [{"file": "(none)", "bytes": 0, "gzip": 0}]:
        out.append(f"  {e['file']:<32} {e['bytes']:>10,} bytes {e['gzip']:>10,} gzip -9")
    if "data" in wasm:
        files = sum(e["bytes"] for e in report["embedded"])
        out.append(
            f"  {'the rest of the data section':<32} {wasm['data'] - files:>10,} bytes"
            "  (word lists in the code, panic messages and locations, Unicode tables)"
        )
    print("\n".join(out))


if __name__ == "__main__":
    main()
