#!/usr/bin/env bash
# Seeds the fuzz corpus with every item of the trybuild catalogue (tests/ui-catalogue/ui), derive line removed.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/derive
for case in ../tests/ui-catalogue/ui/*/*.rs; do
    name=$(echo "$case" | sed 's|../tests/ui-catalogue/ui/||; s|/|_|; s|\.rs$||')
    sed -n '/#\[derive(Classified)\]/,$p' "$case" | sed '1d; /^fn main/,$d' > "corpus/derive/seed_$name"
done
echo "seeded $(ls corpus/derive | wc -l) inputs into fuzz/corpus/derive"
