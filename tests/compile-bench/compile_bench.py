#!/usr/bin/env python3
"""Compile-time cost of #[derive(Classified)].

Generates two crates of 300 structs with 8 fields each (10 modules of 30 structs):
`baseline` derives `Debug, Serialize`; `classified` derives `Classified, Serialize` (Classified
writes the redacting Debug). For each crate it times `cargo check`:

  full   from nothing (the crate and all its dependencies),
  crate  with dependencies built, the crate itself from clean,
  touch  after touching one module (incremental),

several runs each, and prints the medians and the ratios classified / baseline.

With `--instructions`, it also counts the instructions rustc executes to check the first two
modules (60 structs) of each crate, under valgrind's cachegrind: a figure that does not move
with the machine's load (the seconds do, on a shared two-core machine).

    python3 tests/compile-bench/compile_bench.py [--runs 3] [--out target/compile-bench] [--instructions]
"""

import argparse
import os
import re
import shlex
import pathlib
import shutil
import statistics
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULES, STRUCTS, TARGET_RATIO = 10, 30, 1.5

FIELDS = [
    ("interface", "String", ""),
    ("client_ip", "std::net::IpAddr", "#[privacy(redact = ip)]"),
    ("cause", "Option<String>", "#[privacy(redact = len)]"),
    ("latency_ms", "u64", ""),
    ("tags", "Vec<String>", ""),
    ("token", "String", "#[privacy(redact)]"),
    ("attempts", "u32", ""),
    ("at", "chrono::DateTime<chrono::Utc>", "#[privacy(collected_at)]"),
]


def module(classified: bool, index: int) -> str:
    lines = []
    if classified:
        lines.append("use privacy_core::{Classified, im};")
    lines.append("use serde::Serialize;\n")
    for number in range(STRUCTS):
        if classified:
            lines.append("#[derive(Classified, Serialize)]\n#[privacy(category = im::LogData)]")
        else:
            lines.append("#[derive(Debug, Serialize)]")
        lines.append(f"pub struct Record{index}x{number} {{")
        for name, ty, attribute in FIELDS:
            if classified and attribute:
                lines.append(f"    {attribute}")
            lines.append(f"    pub {name}: {ty},")
        lines.append("}\n")
    return "\n".join(lines)


def generate(out: pathlib.Path, classified: bool) -> pathlib.Path:
    name = "classified" if classified else "baseline"
    crate = out / name
    if crate.exists():
        shutil.rmtree(crate)
    (crate / "src").mkdir(parents=True)
    dependencies = [
        'serde = { version = "1", features = ["derive"] }',
        'chrono = { version = "0.4", default-features = false, features = ["std", "clock", "serde"] }',
    ]
    if classified:
        dependencies.append(f'privacy-core = {{ path = "{ROOT / "privacy-core"}" }}')
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "bench-{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        "[dependencies]\n" + "\n".join(dependencies) + "\n\n[workspace]\n"
    )
    (crate / "src" / "lib.rs").write_text(
        "#![allow(missing_docs)]\n" + "".join(f"pub mod m{index};\n" for index in range(MODULES))
    )
    for index in range(MODULES):
        (crate / "src" / f"m{index}.rs").write_text(module(classified, index))
    # Share the lock file so both resolve the same dependency versions as the workspace.
    shutil.copy(ROOT / "Cargo.lock", crate / "Cargo.lock")
    return crate


def check(crate: pathlib.Path) -> float:
    start = time.perf_counter()
    subprocess.run(["cargo", "check", "--offline", "-q"], cwd=crate, check=True)
    return time.perf_counter() - start


def measure(crate: pathlib.Path, runs: int) -> dict:
    package = "bench-" + crate.name
    times = {"full": [], "crate": [], "touch": []}
    for _ in range(runs):
        shutil.rmtree(crate / "target", ignore_errors=True)
        times["full"].append(check(crate))
        subprocess.run(["cargo", "clean", "-q", "-p", package], cwd=crate, check=True)
        times["crate"].append(check(crate))
        (crate / "src" / "m3.rs").touch()
        times["touch"].append(check(crate))
    return times


def instructions(crate: pathlib.Path) -> int:
    """Instructions rustc executes checking modules m0 and m1 of `crate`, dependencies built."""
    package = "bench-" + crate.name
    subprocess.run(["cargo", "check", "--offline", "-q"], cwd=crate, check=True)
    subprocess.run(["cargo", "clean", "-q", "-p", package], cwd=crate, check=True)
    verbose = subprocess.run(
        ["cargo", "check", "--offline", "-v"], cwd=crate, check=True, capture_output=True, text=True
    ).stderr
    line = next(l for l in verbose.splitlines() if "Running" in l and f"--crate-name {package.replace('-', '_')}" in l)
    command = shlex.split(line.split("`", 1)[1].rsplit("`", 1)[0])
    (crate / "src" / "two.rs").write_text("#![allow(missing_docs)]\npub mod m0;\npub mod m1;\n")
    out = crate / "target" / "instructions"
    out.mkdir(parents=True, exist_ok=True)
    kept, skip = [], False
    for argument in command:
        if skip:
            skip = False
            continue
        if argument == "--out-dir":
            kept += [argument, str(out)]
            skip = True
        elif argument == "src/lib.rs":
            kept.append("src/two.rs")
        elif argument.startswith(("incremental=", "--error-format", "--json")):
            if kept and kept[-1] == "-C":
                kept.pop()
        else:
            kept.append(argument)
    report = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out / 'cachegrind.out'}", *kept],
        cwd=crate, check=True, capture_output=True, text=True,
    ).stderr
    return int(re.search(r"I\s+refs:\s+([\d,]+)", report).group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "target" / "compile-bench")
    parser.add_argument("--instructions", action="store_true", help="also count rustc's instructions (needs valgrind)")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    crates = {classified: generate(arguments.out, classified) for classified in (False, True)}
    # Warm the registry cache and fetch nothing during timing.
    for crate in crates.values():
        subprocess.run(["cargo", "fetch", "-q"], cwd=crate, check=True)
    results = {classified: measure(crate, arguments.runs) for classified, crate in crates.items()}
    print(f"{MODULES * STRUCTS} structs x {len(FIELDS)} fields, {arguments.runs} runs each, cargo check, median seconds")
    print(f"{'':8}{'Debug+Serialize':>18}{'Classified+Serialize':>22}{'ratio':>8}")
    worst = 0.0
    for kind in ("full", "crate", "touch"):
        base = statistics.median(results[False][kind])
        ours = statistics.median(results[True][kind])
        ratio = ours / base
        if kind != "full":
            worst = max(worst, ratio)
        print(f"{kind:8}{base:18.2f}{ours:22.2f}{ratio:8.2f}")
    verdict = "meets" if worst <= TARGET_RATIO else "misses"
    print(f"target: at most {TARGET_RATIO}x for the crate's own build ('crate' and 'touch'): {verdict} ({worst:.2f}x)")
    print("runs:", {("classified" if k else "baseline"): v for k, v in results.items()})
    if arguments.instructions:
        counts = {classified: instructions(crate) for classified, crate in crates.items()}
        print(
            f"instructions checking 60 structs: Debug+Serialize {counts[False] / 1e6:.0f} M, "
            f"Classified+Serialize {counts[True] / 1e6:.0f} M: {counts[True] / counts[False]:.2f}x"
        )


if __name__ == "__main__":
    main()
