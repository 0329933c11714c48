#!/usr/bin/env bash
# Validates every fideslang document the toolkit exports with fideslang itself (3.1.4 from PyPI,
# in a virtual environment under target/): the demo's `fideslang` command and the exports of
# `tests/tests/reports.rs` (every `im` category, every legal basis, an unmapped category).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/fideslang-venv
out=target/fideslang
if ! "$venv/bin/python" -c 'import sys, fideslang; sys.exit(fideslang.__version__ != "3.1.4")' 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check fideslang==3.1.4
fi
rm -rf "$out"
mkdir -p "$out"
cargo run --quiet -p im-backend -- fideslang > "$out/im-backend.json"
PRIVACY_FIDESLANG_OUT="$PWD/$out" cargo test --quiet -p privacy-tests --test reports fideslang_exports_for_the_validator
"$venv/bin/python" tests/fideslang/check.py "$out"/*.json
