#!/usr/bin/env bash
# Fault injection at the process level: runs WordCount with --output many times, killing and signalling it, and
# checks that its output directory never holds a partial or mixed result and that no BATCH work directory is left.
#
#   tools/fault-injection.sh [rounds]        (default 20; each round alternates STREAMING and BATCH)
#
# Each round, on one output directory per mode that is reused across rounds:
#   1. kill -9: removes the visible part files, starts bin/weir and kills it at a random moment (before, during or
#      after the job's commit). The visible part files must then be none, or exactly the complete correct result;
#      a commit cut in half must have left its journal, which the next job finishes.
#   2. SIGTERM or SIGINT (alternating) at a random moment: the process must end having removed its own BATCH work
#      directory, with the same rule for visible parts. (The one the kill -9 left goes when the next BATCH job
#      starts, which a signal may come before.)
#   3. two jobs at once on the same directory: each must succeed or fail at once with the directory-lock error,
#      at least one must succeed, and the directory must then hold exactly the correct result, with no hidden
#      leftovers of any run, and io.tmp.dirs must hold no work directory.
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
tmp="$work/tmp"
mkdir -p "$tmp"
settings=(-Dparallelism.default=2 "-Dio.tmp.dirs=$tmp")

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

work_directories() {
  find "$tmp" -mindepth 1 -maxdepth 1 -name 'weir-*' -printf '%f\n' | sort
}

# Sleeps a random time up to a little more than the reference run of the mode takes; prints the milliseconds.
random_delay() { # mode
  local ms=$(( RANDOM * 32768 + RANDOM ))
  ms=$(( ms % (duration_ms[$1] * 12 / 10 + 1) ))
  sleep "$(printf '%d.%03d' $(( ms / 1000 )) $(( ms % 1000 )))"
  echo "$ms"
}

# What a run that was stopped left visible in its output directory: nothing, the complete result, or a commit cut
# in half with its journal (the next job finishes it); anything else fails the script.
stopped_state() { # round mode out what
  if [ -d "$3" ] && [ -n "$(find "$3" -maxdepth 1 -name 'part-*' -print -quit)" ]; then
    if visible "$3" | cmp -s - "${expected_file[$2]}"; then
      echo "the complete result"
    elif [ -n "$(find "$3" -maxdepth 1 -name '.weir-commit-*' ! -name '*.tmp' -print -quit)" ]; then
      echo "a commit cut in half, with its journal"
    else
      fail "round $1 ($2): after $4, $3 holds a partial or wrong result: $(ls -a "$3")"
    fi
  else
    echo "nothing visible"
  fi
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
  start_job "$mode" "$out" "$log-killed"
  pid=$!
  delay_ms=$(random_delay "$mode")
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  state=$(stopped_state "$round" "$mode" "$out" "kill -9 at ${delay_ms} ms")

  # 2. SIGTERM or SIGINT. Job control on: without it, bash starts background jobs with SIGINT ignored.
  if (( round % 4 < 2 )); then signal=TERM; else signal=INT; fi
  find "$out" -maxdepth 1 -type f -name 'part-*' -delete 2> /dev/null || true
  before_signal=$(work_directories)
  set -m
  start_job "$mode" "$out" "$log-signalled"
  pid=$!
  set +m
  signal_ms=$(random_delay "$mode")
  kill -s "$signal" "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  signal_state=$(stopped_state "$round" "$mode" "$out" "SIG$signal at ${signal_ms} ms")
  left=$(comm -13 <(echo "$before_signal") <(work_directories) | grep . || true)
  [ -z "$left" ] || fail "round $round ($mode): after SIG$signal at ${signal_ms} ms, its work directory is left: $left"

  # 3. two jobs at once on the same directory.
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
  [ -z "$(work_directories)" ] || fail "round $round ($mode): work directories are left: $(work_directories)"

  echo "round $round ($mode): kill -9 after ${delay_ms} ms left $state; SIG$signal after ${signal_ms} ms left" \
    "$signal_state and no work directory; $succeeded of 2 concurrent jobs succeeded, result correct"
done
echo "all $rounds rounds passed"
if [ -z "${FAULT_INJECTION_DIR:-}" ]; then
  rm -rf "$work"
fi
