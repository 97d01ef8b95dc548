#!/usr/bin/env python3
"""Reads the browser build settings from wasm-pack.toml, checks them, and prints them.

    python3 scripts/build_settings.py [CONFIG] [--shell | --json]

--shell (the default) prints `NAME='value'` lines for scripts/build.sh to eval;
--json prints the checked settings as one JSON object (for tests and for people).
A bad value stops with a message naming the key, so a typo in wasm-pack.toml fails the build
instead of being ignored.
"""

import json
import re
import shlex
import sys
import tomllib
from pathlib import PurePosixPath

TARGETS = {"web", "bundler", "nodejs", "no-modules", "deno"}
# wasm-pack's own profiles; any other name must be a [profile.NAME] of Cargo.toml (--profile NAME)
PROFILES = {"release", "profiling", "dev"}
OPT_LEVEL = re.compile(r"-O[0-4sz]?")
FLAG = re.compile(r"--[a-z0-9][a-z0-9-]*(=[A-Za-z0-9_.,-]+)?")
STEM = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


class SettingsError(ValueError):
    """A missing or bad value in the settings file."""


def _get(table, key, where, kind):
    name = f"{where}.{key}" if where else f"[{key}]"
    if key not in table:
        raise SettingsError(f"{name} is missing")
    value = table[key]
    if not isinstance(value, kind):
        raise SettingsError(f"{name} must be a {kind.__name__}, not {value!r}")
    return value


def _cargo_profiles(settings_path):
    """Names of the custom [profile.NAME] tables in the Cargo.toml beside the settings file's crate."""
    from pathlib import Path
    for folder in (Path(settings_path).resolve().parent, Path(__file__).resolve().parent.parent):
        cargo = folder / "Cargo.toml"
        if cargo.exists():
            with open(cargo, "rb") as f:
                return set(tomllib.load(f).get("profile", {})) - PROFILES - {"test", "bench"}
    return set()


def load(path):
    """The checked settings of the file at `path`, as a flat dict."""
    with open(path, "rb") as f:
        try:
            doc = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise SettingsError(f"{path}: {e}") from None
    build = _get(doc, "build", "", dict)
    opt = _get(doc, "wasm-opt", "", dict)

    target = _get(build, "target", "build", str)
    if target not in TARGETS:
        raise SettingsError(f"build.target must be one of {sorted(TARGETS)}, not {target!r}")
    profile = _get(build, "profile", "build", str)
    custom = _cargo_profiles(path)
    if profile not in PROFILES | custom:
        raise SettingsError(f"build.profile must be one of {sorted(PROFILES | custom)}, not {profile!r}")
    out_dir = _get(build, "out_dir", "build", str)
    parts = PurePosixPath(out_dir).parts
    # wasm-pack resolves --out-dir against the crate; keep it inside so a clean or a
    # gitignore never reaches outside the repository.
    if not parts or PurePosixPath(out_dir).is_absolute() or ".." in parts:
        raise SettingsError(f"build.out_dir must be a relative path inside the crate, not {out_dir!r}")
    out_name = _get(build, "out_name", "build", str)
    if not STEM.fullmatch(out_name):
        raise SettingsError(f"build.out_name must be a plain file stem, not {out_name!r}")

    enabled = _get(opt, "enabled", "wasm-opt", bool)
    level = _get(opt, "level", "wasm-opt", str)
    if not OPT_LEVEL.fullmatch(level):
        raise SettingsError(f"wasm-opt.level must be -O, -O0..-O4, -Os or -Oz, not {level!r}")
    flags = _get(opt, "flags", "wasm-opt", list)
    for flag in flags:
        if not isinstance(flag, str) or not FLAG.fullmatch(flag):
            raise SettingsError(f"wasm-opt.flags: {flag!r} is not a --long-flag")

    return {
        "target": target,
        "profile": profile,
        "out_dir": str(PurePosixPath(out_dir)),
        "out_name": out_name,
        "wasm_opt": enabled,
        "wasm_opt_level": level,
        "wasm_opt_flags": flags,
    }


def as_shell(settings):
    """NAME='value' lines; lists become space-separated words (flags never contain spaces)."""
    lines = []
    for key, value in settings.items():
        if isinstance(value, bool):
            value = "1" if value else "0"
        elif isinstance(value, list):
            value = " ".join(value)
        lines.append(f"{key.upper()}={shlex.quote(value)}")
    return "\n".join(lines)


def main(argv):
    mode = "--shell"
    path = "wasm-pack.toml"
    for arg in argv:
        if arg in ("--shell", "--json"):
            mode = arg
        elif arg.startswith("-"):
            print(f"build_settings: unknown option {arg}", file=sys.stderr)
            return 2
        else:
            path = arg
    try:
        settings = load(path)
    except (SettingsError, OSError) as e:
        print(f"build_settings: {e}", file=sys.stderr)
        return 1
    print(json.dumps(settings) if mode == "--json" else as_shell(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
