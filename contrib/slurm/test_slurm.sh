#!/bin/bash
# Runs claimscan-array.sbatch for every task of an array WITHOUT Slurm (the SLURM_* variables
# are set here) and checks that the union of the parts equals one direct run.
#
#   CLAIMSCAN_BIN=/abs/path/claimscan contrib/slurm/test_slurm.sh
#
# Needs bash, coreutils, python3 (for the merge's manifest check). No Slurm.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${CLAIMSCAN_BIN:?set CLAIMSCAN_BIN to a built claimscan binary}
W=$(mktemp -d "${TMPDIR:-/tmp}/claimscan-slurm-test.XXXXXX")
trap 'rm -rf "$W"' EXIT
pass=0
fail=0
ok()   { echo "ok   $*"; pass=$((pass + 1)); }
bad()  { echo "FAIL $*"; fail=$((fail + 1)); }

# ~50 text files (two folders) and a manifest with one path that does not exist.
mkdir -p "$W/in/news" "$W/in/calls"
metrics=("Revenue" "Net income" "Active clients" "Gross bookings" "Headcount" "Operating margin")
for i in $(seq 0 49); do
  m=${metrics[$((i % 6))]}
  d=$([ $((i % 3)) -eq 0 ] && echo news || echo calls)
  {
    echo "$m rose $((i % 40 + 1))% to \$$((i * 7 + 10)) million in the third quarter of 2025."
    echo "Active clients fell $((i % 9 + 1)) percent from $((i + 800)),000 to $((i + 700)),000."
    [ $((i % 4)) -eq 0 ] && echo "Demand for Python and SQL skills grew $((i % 11 + 2))% in September 2025."
    echo "The company expects revenue between \$$((i + 5)) million and \$$((i + 9)) million next quarter."
  } > "$W/in/$d/doc-$(printf %03d "$i").txt"
done
find "$W/in" -type f | sort > "$W/manifest.txt"
echo "$W/in/news/missing.txt" >> "$W/manifest.txt"

"$BIN" scan -q --manifest "$W/manifest.txt" > "$W/direct.jsonl" 2>/dev/null
direct_status=$?
[ "$direct_status" -eq 1 ] && ok "direct run: exit 1 (one missing input)" || bad "direct run exit $direct_status, want 1"
LC_ALL=C sort "$W/direct.jsonl" > "$W/direct.sorted"

run_array() {  # OUT MIN STEP N [env...]: every task of an array --array=MIN-...:STEP with N tasks
  local out=$1 min=$2 step=$3 n=$4 t id st
  shift 4
  statuses=()
  for t in $(seq 0 $((n - 1))); do
    id=$((min + t * step))
    env "$@" SLURM_JOB_ID=4242 SLURM_ARRAY_JOB_ID=4242 SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_MIN=$min \
      SLURM_ARRAY_TASK_MAX=$((min + (n - 1) * step)) SLURM_ARRAY_TASK_STEP=$step SLURM_ARRAY_TASK_COUNT=$n \
      SLURM_CPUS_PER_TASK=2 CLAIMSCAN="$BIN" \
      bash "$HERE/claimscan-array.sbatch" "$W/manifest.txt" "$out" 2>>"$W/log.txt"
    st=$?
    statuses+=("$st")
  done
}

# 1. --array=0-4 (N=5): parts 1..5, union == direct run; exactly one task sees the missing file.
run_array "$W/out5" 0 1 5
ones=0; others=0
for st in "${statuses[@]}"; do case $st in 0) ;; 1) ones=$((ones + 1)) ;; *) others=$((others + 1)) ;; esac; done
[ "$ones" -eq 1 ] && [ "$others" -eq 0 ] && ok "array 0-4: statuses ${statuses[*]}" || bad "array 0-4: statuses ${statuses[*]}"
[ "$(ls "$W/out5" | grep -c '^part-0000[1-5]-of-00005.jsonl$')" -eq 5 ] && ok "array 0-4: 5 parts" || bad "array 0-4: parts: $(ls "$W/out5")"
[ -z "$(ls -A "$W/out5/.tmp")" ] && ok "no temporary files left" || bad "temporary files left: $(ls -A "$W/out5/.tmp")"
cat "$W"/out5/part-*.jsonl | LC_ALL=C sort > "$W/union5.sorted"
cmp -s "$W/union5.sorted" "$W/direct.sorted" && ok "array 0-4: union of parts == direct run ($(wc -l < "$W/direct.sorted") records)" \
  || bad "array 0-4: union differs from direct run: $(diff "$W/union5.sorted" "$W/direct.sorted" | head -5)"
bash "$HERE/claimscan-merge.sh" "$W/out5" "$W/manifest.txt" 2>>"$W/log.txt" && ok "merge: complete, manifest covered" || bad "merge failed"
LC_ALL=C sort "$W/out5/records.jsonl" | cmp -s - "$W/direct.sorted" && ok "merge: records.jsonl == direct run (sorted)" || bad "merge: records.jsonl differs"

# 2. --array=3-15:3 (N=5, step 3) gives the same parts; threads differ (1), output does not.
run_array "$W/out5s" 3 3 5 SLURM_CPUS_PER_TASK=1
same=1
for k in 1 2 3 4 5; do
  f=$(printf 'part-%05d-of-00005.jsonl' "$k")
  cmp -s "$W/out5/$f" "$W/out5s/$f" || { echo "  $f differs"; same=0; }
done
[ "$same" = 1 ] && ok "array 3-15:3 (step, 1 thread): parts identical to array 0-4" || bad "array 3-15:3: parts differ from array 0-4"

# 3. --array=1-7 (N=7) with CLAIMSCAN_ALLOW_INPUT_ERRORS=1: every task exits 0, union == direct.
run_array "$W/out7" 1 1 7 CLAIMSCAN_ALLOW_INPUT_ERRORS=1
[ "${statuses[*]}" = "0 0 0 0 0 0 0" ] && ok "array 1-7, allow input errors: all exit 0" || bad "array 1-7: statuses ${statuses[*]}"
cat "$W"/out7/part-*.jsonl | LC_ALL=C sort | cmp -s - "$W/direct.sorted" && ok "array 1-7: union == direct run" || bad "array 1-7: union differs"

# 4. A re-run task replaces its part (idempotent); a missing part fails the merge.
before=$(md5sum < "$W/out7/part-00003-of-00007.jsonl")
run_one() { env SLURM_JOB_ID=4243 SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=7 CLAIMSCAN="$BIN" \
  CLAIMSCAN_ALLOW_INPUT_ERRORS=1 bash "$HERE/claimscan-array.sbatch" "$W/manifest.txt" "$W/out7" 2>>"$W/log.txt"; }
run_one && [ "$(md5sum < "$W/out7/part-00003-of-00007.jsonl")" = "$before" ] && ok "re-run task 3: same part" || bad "re-run task 3"
rm "$W/out7/part-00006-of-00007.jsonl"
if bash "$HERE/claimscan-merge.sh" "$W/out7" 2>>"$W/log.txt"; then bad "merge passed with a part missing"; else ok "merge fails when a part is missing"; fi
grep -q 'missing part-00006-of-00007' "$W/log.txt" && ok "merge names the missing part" || bad "merge message"

# 5. A failing tool (usage error, exit 2) writes no part and fails the task.
env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=2 CLAIMSCAN="$BIN" \
  bash "$HERE/claimscan-array.sbatch" "$W/manifest.txt" "$W/outbad" --kinds nosuchkind 2>>"$W/log.txt"
st=$?
[ "$st" -eq 2 ] && [ ! -e "$W/outbad/part-00001-of-00002.jsonl" ] && ok "tool exit 2: task fails, no part" || bad "tool exit 2: status $st, $(ls "$W/outbad")"

# 6. Parquet parts (only if this binary writes Parquet).
if "$BIN" scan --help | grep -q 'parquet'; then
  run_array "$W/outpq" 1 1 3 CLAIMSCAN_FORMAT=parquet CLAIMSCAN_ALLOW_INPUT_ERRORS=1
  n=$(ls "$W"/outpq/part-0000[1-3]-of-00003/{mentions,claims,docs,errors}.parquet 2>/dev/null | wc -l)
  [ "${statuses[*]}" = "0 0 0" ] && [ "$n" -eq 12 ] && ok "parquet: 3 part folders x 4 tables" || bad "parquet: statuses ${statuses[*]}, $n files"
  bash "$HERE/claimscan-merge.sh" "$W/outpq" 2>>"$W/log.txt" && ok "merge: parquet parts complete" || bad "merge parquet"
else
  echo "skip parquet parts: this claimscan has no --format parquet"
fi

if [ "$fail" -gt 0 ]; then
  echo "--- log"; tail -30 "$W/log.txt"
fi
echo "slurm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
