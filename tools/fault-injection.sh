#!/usr/bin/env bash
# Fault injection for the file sink, at the process level: runs WordCount with --output many times and checks that
# its output directory never holds a partial or mixed result.
#
#   tools/fault-injection.sh [rounds]        (default 20; each round alternates STREAMING and BATCH)
#
# Each round, on one output directory per mode that is reused across rounds:
#   1. kill -9: removes the visible part files, starts bin/weir and kills it at a random moment (before, during or
#      after the job's commit). The visible part files must then be none, or exactly the complete correct result;
#      a commit cut in half must have left its journal, which the next job finishes.
#   2. two jobs at once on the same directory: each must succeed or fail at once with the directory-lock error,
#      at least one must succeed, and the directory must then hold exactly the correct result, with no hidden
#      leftovers of any run.
# The correct result comes from a reference run per mode into a fresh directory.
#
# Environment: WEIR (the bin/weir to run; default this repository's, which builds Weir when needed),
# FAULT_INJECTION_DIR (where inputs, outputs and logs go; default a new temporary directory, kept on failure).
# Exit code 0 when every round passed, 1 at the first violation (with what was found), 2 for bad usage.
set -euo pipefail

rounds="${1:-20}"
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "Usage: $0 [rounds]   (rounds: a positive number, default 20)" >&2
  exit 2
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
weir="${WEIR:-$repo/bin/weir}"
work="${FAULT_INJECTION_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/weir-fault-injection.XXXXXX")}"
mkdir -p "$work"
job=(examples/streaming/WordCount.jar)
settings=(-Dparallelism.default=2)

fail() {
  echo "FAILED: $*" >&2
  echo "Inputs, outputs and logs are in $work" >&2
  exit 1
}

# A deterministic text of 20,000 lines over a few hundred words.
input="$work/input.txt"
awk 'BEGIN { srand(20261204); for (i = 0; i < 20000; i++) { line = "";
       for (w = int(rand() * 12); w > 0; w--) line = line sprintf("w%d ", int(rand() * rand() * 500));
       print line } }' > "$input"

# The visible result of a directory: its part files' lines, sorted (order across part files is not defined).
visible() {
  find "$1" -maxdepth 1 -type f -name 'part-*' -print0 | sort -z | xargs -0 -r cat | LC_ALL=C sort
}

leftovers() {
  find "$1" -maxdepth 1 -type f \( -name '.part-*' -o -name '.weir-commit-*' \) -printf '%f\n' | sort
}

now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

run_job() { # mode output log
  "$weir" run -Dexecution.runtime-mode="$1" "${settings[@]}" "${job[@]}" --input "$input" --output "$2" > "$3.out" 2> "$3.err"
}

# As run_job, in the background; $! is then the job's own process (bin/weir execs java), so kill -9 hits the job.
start_job() { # mode output log
  ( exec "$weir" run -Dexecution.runtime-mode="$1" "${settings[@]}" "${job[@]}" --input "$input" --output "$2" \
      > "$3.out" 2> "$3.err" ) &
}

declare -A expected_file duration_ms
for mode in STREAMING BATCH; do
  reference="$work/reference-$mode"
  rm -rf "$reference"
  start=$(now_ms)
  run_job "$mode" "$reference" "$work/reference-$mode" || fail "the reference run in $mode failed: $(cat "$work/reference-$mode.err")"
  duration_ms[$mode]=$(( $(now_ms) - start ))
  expected_file[$mode]="$work/expected-$mode.txt"
  visible "$reference" > "${expected_file[$mode]}"
  [ -s "${expected_file[$mode]}" ] || fail "the reference run in $mode wrote nothing"
  echo "reference run $mode: ${duration_ms[$mode]} ms, $(wc -l < "${expected_file[$mode]}") lines"
done

for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then mode=STREAMING; else mode=BATCH; fi
  out="$work/out-$mode"
  log="$work/round-$round"

  # 1. kill -9 at a random moment, up to a little after the reference run's duration. The visible result of the
  #    previous round is removed first (hidden leftovers and the lock file stay), so whatever is visible afterwards
  #    was published by the killed run.
  if [ -d "$out" ]; then
    find "$out" -maxdepth 1 -type f -name 'part-*' -delete
  fi
  delay_ms=$(( RANDOM * 32768 + RANDOM ))
  delay_ms=$(( delay_ms % (duration_ms[$mode] * 12 / 10 + 1) ))
  start_job "$mode" "$out" "$log-killed"
  pid=$!
  sleep "$(printf '%d.%03d' $(( delay_ms / 1000 )) $(( delay_ms % 1000 )))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  state="nothing visible"
  if [ -d "$out" ] && [ -n "$(find "$out" -maxdepth 1 -name 'part-*' -print -quit)" ]; then
    if visible "$out" | cmp -s - "${expected_file[$mode]}"; then
      state="the complete result"
    elif [ -n "$(find "$out" -maxdepth 1 -name '.weir-commit-*' ! -name '*.tmp' -print -quit)" ]; then
      state="a commit cut in half, with its journal"
    else
      fail "round $round ($mode): after kill -9 at ${delay_ms} ms, $out holds a partial or wrong result: $(ls -a "$out")"
    fi
  fi

  # 2. two jobs at once on the same directory.
  start_job "$mode" "$out" "$log-a"; a=$!
  start_job "$mode" "$out" "$log-b"; b=$!
  succeeded=0
  for job_run in "a:$a" "b:$b"; do
    name="${job_run%%:*}"
    if wait "${job_run#*:}"; then
      succeeded=$(( succeeded + 1 ))
    elif ! grep -q "is being written by another job" "$log-$name.err"; then
      fail "round $round ($mode): concurrent job $name failed for another reason: $(cat "$log-$name.err")"
    fi
  done
  (( succeeded > 0 )) || fail "round $round ($mode): neither of two concurrent jobs succeeded"
  visible "$out" | cmp -s - "${expected_file[$mode]}" \
    || fail "round $round ($mode): after concurrent jobs, $out does not hold exactly the correct result"
  [ -z "$(leftovers "$out")" ] || fail "round $round ($mode): hidden leftovers in $out: $(leftovers "$out")"

  echo "round $round ($mode): kill -9 after ${delay_ms} ms left $state; $succeeded of 2 concurrent jobs succeeded, result correct"
done
echo "all $rounds rounds passed"
if [ -z "${FAULT_INJECTION_DIR:-}" ]; then
  rm -rf "$work"
fi
