#!/usr/bin/env python3
"""Fails when a public item of privacy-core has no code example in its docs.

Reads the rustdoc JSON of privacy-core (nightly only), walks every item reachable from the
crate root (re-exports followed, trait impls skipped: they show the trait's docs) and lists the
functions, methods, types, traits and constants whose docs hold no ``` block.

    RUSTDOCFLAGS='-Z unstable-options --output-format json' \
        cargo +nightly doc -p privacy-core --no-deps --features sqlite,postgres,mysql,redis,nats,tracing,report,time
    python3 tests/doc-examples/check.py target/doc/privacy_core.json
"""
import json
import sys

NEEDS_EXAMPLE = {"function", "struct", "enum", "trait", "type_alias", "constant", "static", "macro", "assoc_const"}


def main(path):
    crate = json.load(open(path))
    index = crate["index"]
    seen, missing, counted = set(), [], 0

    def visit(item_id, path):
        nonlocal counted
        item_id = str(item_id)
        if item_id in seen or item_id not in index:
            return
        seen.add(item_id)
        item = index[item_id]
        if item.get("crate_id", 0) != 0:
            return
        kind = next(iter(item["inner"]))
        inner = item["inner"][kind]
        if kind == "use":
            if inner.get("id") is not None:
                visit(inner["id"], path)
            return
        if item.get("visibility") not in ("public", "default"):
            return
        name = path + ([item["name"]] if item.get("name") else [])
        if kind in NEEDS_EXAMPLE:
            counted += 1
            if "```" not in (item.get("docs") or ""):
                span = item.get("span") or {}
                missing.append(f'{span.get("filename")}:{span.get("begin", [0])[0]}: {"::".join(name)} ({kind})')
        if kind == "module":
            children = inner["items"]
        elif kind in ("struct", "enum", "union"):
            children = [
                child
                for impl_id in inner["impls"]
                if (impl := index.get(str(impl_id))) and impl["inner"]["impl"].get("trait") is None
                for child in impl["inner"]["impl"]["items"]
            ]
        elif kind == "trait":
            children = inner["items"]
        else:
            children = []
        for child in children:
            visit(child, name)

    visit(crate["root"], [])
    for line in sorted(missing):
        print(line)
    print(f"{counted - len(missing)} of {counted} public items of privacy-core have a doc example")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
