#!/bin/bash
# Check and merge the parts of a claimscan array job (contrib/slurm/claimscan-array.sbatch).
#
#   contrib/slurm/claimscan-merge.sh OUTDIR [MANIFEST]
#   sbatch --dependency=afterok:JOBID contrib/slurm/claimscan-merge.sh OUTDIR MANIFEST
#
# Checks that every part 1..N of one array (the N in the part names) is there and that no other
# array's parts are mixed in; for JSONL parts, writes OUTDIR/records.jsonl (the parts in order,
# atomically) and prints the record counts by type; with MANIFEST, also checks that every file it
# lists is accounted for by a doc record (source) or an error record (path) — folders in the
# manifest are skipped (needs python3). Parquet parts are left in place: read them as one
# dataset, e.g. spark.read.parquet("OUTDIR/part-*/claims.parquet").
# Exit 0 when complete, 1 when something is missing.
#
#SBATCH --job-name=claimscan-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=claimscan-merge-%j.log
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: claimscan-merge.sh OUTDIR [MANIFEST]" >&2
  exit 2
fi
OUTDIR=$1
MANIFEST=${2:-}

shopt -s nullglob
parts=("$OUTDIR"/part-*-of-*)
if [ ${#parts[@]} -eq 0 ]; then
  echo "claimscan-merge: no parts in $OUTDIR" >&2
  exit 1
fi
counts=$(for p in "${parts[@]}"; do b=${p##*/}; b=${b%.jsonl}; echo "${b##*-of-}"; done | sort -u)
if [ "$(echo "$counts" | wc -l)" -ne 1 ]; then
  echo "claimscan-merge: parts of different arrays in $OUTDIR (N = $(echo $counts))" >&2
  exit 1
fi
N=$((10#$counts))
missing=0
ordered=()
jsonl=0
for K in $(seq 1 "$N"); do
  name=$(printf 'part-%05d-of-%05d' "$K" "$N")
  if [ -f "$OUTDIR/$name.jsonl" ]; then
    ordered+=("$OUTDIR/$name.jsonl"); jsonl=1
  elif [ -d "$OUTDIR/$name" ]; then
    ordered+=("$OUTDIR/$name")
  else
    echo "claimscan-merge: missing $name (shard $K/$N)" >&2
    missing=$((missing + 1))
  fi
done
if [ "$missing" -gt 0 ]; then
  echo "claimscan-merge: $missing of $N parts missing; re-run those array tasks" >&2
  exit 1
fi
leftover=("$OUTDIR"/.tmp/*)
if [ ${#leftover[@]} -gt 0 ]; then
  echo "claimscan-merge: note: ${#leftover[@]} temporary file(s) in $OUTDIR/.tmp (killed tasks); safe to delete" >&2
fi
echo "claimscan-merge: all $N parts present" >&2
[ "$jsonl" = 1 ] || exit 0

tmp="$OUTDIR/.records.jsonl.tmp.$$"
trap 'rm -f "$tmp"' EXIT
cat "${ordered[@]}" > "$tmp"
mv -f "$tmp" "$OUTDIR/records.jsonl"
for t in mention claim doc error; do
  printf '%s=%s ' "$t" "$(grep -c "^{\"type\":\"$t\"" "$OUTDIR/records.jsonl" || true)"
done >&2
echo "-> $OUTDIR/records.jsonl" >&2

if [ -n "$MANIFEST" ]; then
  if ! command -v python3 >/dev/null; then
    echo "claimscan-merge: python3 not found; manifest coverage not checked" >&2
    exit 0
  fi
  python3 - "$OUTDIR/records.jsonl" "$MANIFEST" <<'EOF'
import json, os, sys
records, manifest = sys.argv[1], sys.argv[2]
seen = set()
with open(records, encoding="utf-8") as f:
    for line in f:
        if line.startswith('{"type":"doc"'):
            seen.add(json.loads(line)["source"])
        elif line.startswith('{"type":"error"'):
            seen.add(json.loads(line).get("path"))
with open(manifest, encoding="utf-8") as f:
    wanted = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
lost = [p for p in wanted if p not in seen and not os.path.isdir(p)]
for p in lost[:20]:
    print(f"claimscan-merge: no record for {p}", file=sys.stderr)
print(f"claimscan-merge: manifest: {len(wanted)} entries, {len(lost)} without a record", file=sys.stderr)
sys.exit(1 if lost else 0)
EOF
fi
