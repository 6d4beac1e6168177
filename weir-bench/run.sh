#!/usr/bin/env bash
# Runs Weir's whole-job benchmarks side by side with Apache Flink and a plain-Java loop, checks that every run
# computed the same result, and writes the table into weir-bench/RESULTS.md. See weir-bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: weir-bench/run.sh [options]

  --smoke           tiny inputs, one run, Weir and the plain-Java loop only (no Flink download); writes
                    work/RESULTS-smoke.md instead of RESULTS.md. What CI runs.
  --reps N          runs per engine, mode and workload (default 3); the table shows medians
  --workloads "..." which of W1 W2 W3 W4 to run (default all four)
  --no-flink        skip Apache Flink (no download of it)
  --no-runs         skip the workload runs (with --jmh or --profile to do only those)
  --jmh             also run the JMH micro-benchmarks and put their table in the results
  --profile         also run Weir W1, W2 and W3 in both modes once under JFR and put the top frames in the results
  --skip-build      use the jars and classpaths of the previous build
  --work DIR        inputs, logs, classpaths and recordings (default weir-bench/work, not in git)
  --timeout S       longest a single run may take before it counts as failed (default 1800)
  --results FILE    where the Markdown goes (default weir-bench/RESULTS.md; work/RESULTS-smoke.md with --smoke)
  -h, --help        this text

Exit status: 0 when every run succeeded and all checksums agree; 1 when a run failed; 2 when checksums disagree.
EOF
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$BENCH_DIR/work
REPS=3
SMOKE=false
FLINK=true
RUNS=true
JMH=false
PROFILE=false
BUILD=true
WORKLOADS="W1 W2 W3 W4"
TIMEOUT=1800
W1_BYTES=200000000   # about 200 MB of text, about 10 words a line
W2_RECORDS=50000000  # key = i mod 100,000
W3_RECORDS=20000000  # key = i mod 100,000, event time 10 i ms, 1-minute tumbling windows
RESULTS=$BENCH_DIR/RESULTS.md
RESULTS_OPTION=
# The same flags for every engine. The log level keeps Weir's and Flink's INFO lines out of the logs.
JVM_FLAGS=(-Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) SMOKE=true ;;
    --reps) REPS=$2; shift ;;
    --workloads) WORKLOADS=$2; shift ;;
    --no-flink) FLINK=false ;;
    --no-runs) RUNS=false ;;
    --jmh) JMH=true ;;
    --profile) PROFILE=true ;;
    --skip-build) BUILD=false ;;
    --work) WORK=$(mkdir -p "$2" && cd "$2" && pwd); shift ;;
    --timeout) TIMEOUT=$2; shift ;;
    --results) RESULTS_OPTION=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
  esac
  shift
done

if $SMOKE; then
  REPS=1
  FLINK=false
  W1_BYTES=1000000
  W2_RECORDS=1000000
  W3_RECORDS=400000
  TIMEOUT=120
  RESULTS=$WORK/RESULTS-smoke.md
fi
[[ -n "$RESULTS_OPTION" ]] && RESULTS=$RESULTS_OPTION

log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }

mkdir -p "$WORK/inputs" "$WORK/runs"
RUN_DIR=$WORK/runs/$(date +%Y%m%d-%H%M%S)$($SMOKE && echo -smoke || true)
mkdir -p "$RUN_DIR/logs"

# --- Peak RSS comes from GNU time; without it (a bare CI image) smoke runs go on without RSS.
TIME_CMD=()
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  TIME_CMD=(/usr/bin/time -v -o)
elif ! $SMOKE; then
  echo "run.sh: GNU time (/usr/bin/time -v) is needed for peak RSS; install it (apt-get install -y time)" >&2
  exit 1
else
  log "no GNU time: peak RSS is not measured"
fi

# --- Build. Classpaths point at this checkout's target/ jars rather than ~/.m2, which other checkouts share.
if $BUILD; then
  log "building Weir and weir-bench"
  mvn -B -q -DskipTests -f "$ROOT/pom.xml" -pl weir-bench -am package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
  if $FLINK; then
    log "building weir-bench/flink (downloads Apache Flink on first use)"
    mvn -B -q -DskipTests -f "$BENCH_DIR/flink/pom.xml" package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
  fi
fi
jar_of() { ls "$1"/target/*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -1; }
WEIR_JAR=$(jar_of "$BENCH_DIR")
[[ -n "$WEIR_JAR" ]] || { echo "run.sh: no weir-bench jar in $BENCH_DIR/target; run without --skip-build" >&2; exit 1; }
echo "$WEIR_JAR:$(cat "$BENCH_DIR/target/classpath.txt")" > "$WORK/weir.classpath"
WEIR_CP=$(cat "$WORK/weir.classpath")
if $FLINK; then
  FLINK_JAR=$(jar_of "$BENCH_DIR/flink")
  [[ -n "$FLINK_JAR" ]] || { echo "run.sh: no Flink benchmark jar; run without --skip-build" >&2; exit 1; }
  echo "$FLINK_JAR:$(cat "$BENCH_DIR/flink/target/classpath.txt")" > "$WORK/flink.classpath"
  FLINK_CP=$(cat "$WORK/flink.classpath")
fi

# --- Inputs, generated once per size.
W1_INPUT=$WORK/inputs/w1-$W1_BYTES.txt
if [[ " $WORKLOADS " == *" W1 "* ]] && ! [[ -f "$W1_INPUT" ]]; then
  log "generating W1 input ($W1_BYTES bytes)"
  java -Xmx1g -cp "$WEIR_CP" io.weir.bench.common.TextGenerator "$W1_INPUT" "$W1_BYTES" 100000 42 >&2
fi

# --- The machine, for the results.
{
  echo "date:        $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "cpus:        $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs || echo unknown))"
  echo "memory:      $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel:      $(uname -sr)"
  echo "java:        $(java -version 2>&1 | head -2 | tail -1)"
  echo "jvm flags:   ${JVM_FLAGS[*]}"
  echo "flink:       $($FLINK && grep -m1 -o '<flink.version>[^<]*' "$BENCH_DIR/flink/pom.xml" | cut -d'>' -f2 || echo 'not run')"
  echo "parallelism: 2; reps: $REPS; W1 input: $W1_BYTES bytes; W2 records: $W2_RECORDS; W3 records: $W3_RECORDS"
  echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at start; per run in the last table"
} > "$RUN_DIR/machine.txt"

# --- One run: one JVM, timed from outside; one line in runs.tsv.
RUNS_TSV=$RUN_DIR/runs.tsv
printf 'rep\tworkload\tengine\tmode\tstatus\tprocess_s\tjob_s\trecords\trss_kb\tchecksum\tload1\tlog\n' > "$RUNS_TSV"

workload_args() {
  case "$1" in
    W1) echo "--input $W1_INPUT" ;;
    W2) echo "--records $W2_RECORDS --keys 100000" ;;
    W3) echo "--records $W3_RECORDS --keys 100000" ;;
    W4) echo "" ;;
  esac
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

run_one() {
  local rep=$1 workload=$2 engine=$3 mode=$4
  local cp main modearg
  case "$engine" in
    weir) cp=$WEIR_CP; main=io.weir.bench.jobs.WeirJob; modearg=$mode ;;
    flink) cp=$FLINK_CP; main=io.weir.bench.flink.FlinkJob; modearg=$mode ;;
    java) cp=$WEIR_CP; main=io.weir.bench.common.PlainJava; modearg= ;;
  esac
  local name=$RUN_DIR/logs/$rep-$workload-$engine-$mode
  local load t0 t1 rc status
  load=$(load1)
  t0=$(date +%s%N)
  set +e
  # shellcheck disable=SC2046 # workload_args is meant to split into words
  timeout --kill-after=10 "$TIMEOUT" ${TIME_CMD[@]+"${TIME_CMD[@]}"} ${TIME_CMD[@]+"$name.time"} \
    java "${JVM_FLAGS[@]}" -cp "$cp" "$main" "$workload" $modearg $(workload_args "$workload") \
    >"$name.out" 2>"$name.err"
  rc=$?
  set -e
  t1=$(date +%s%N)
  local process_s rss result job_s records checksum
  process_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$name.time" 2>/dev/null || true)
  result=$(grep '^RESULT ' "$name.out" | tail -1 || true)
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then status=timeout
  elif [[ $rc -ne 0 ]]; then status=exit-$rc
  elif [[ -z "$result" ]]; then status=no-result
  else status=ok
  fi
  job_s=$(field wall_s "$result")
  records=$(field records "$result")
  checksum=$(field checksum "$result")
  if [[ "$workload" == W4 && "$status" == ok ]]; then
    # W4 prints; its result is the printed lines, whatever the subtask prefix and order.
    checksum=$(grep -v '^RESULT ' "$name.out" | sed -E 's/^[0-9]+> //' | sort | sha256sum | cut -c1-16)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$workload" "$engine" "$mode" "$status" \
    "$process_s" "${job_s:--}" "${records:--}" "${rss:--}" "${checksum:--}" "$load" "$name" >> "$RUNS_TSV"
  log "rep $rep $workload $engine $mode: $status, ${process_s} s, $(( ${rss:-0} / 1024 )) MB (load $load before)"
  if [[ "$status" != ok ]]; then
    log "  last lines of $name.err:"
    tail -5 "$name.err" | sed 's/^/    /' >&2
  fi
}

if $RUNS; then
  for ((rep = 1; rep <= REPS; rep++)); do
    for workload in $WORKLOADS; do
      setups=("weir BATCH")
      $FLINK && setups+=("flink BATCH")
      setups+=("weir STREAMING")
      $FLINK && setups+=("flink STREAMING")
      # The plain-Java floor: W1 and W2 are what issue 5 compares with a loop; W3's shows the windowing's cost.
      [[ "$workload" != W4 ]] && setups+=("java single-thread")
      # Rotate the order with each repetition, so that no engine always runs first (cold page cache, other load).
      n=${#setups[@]}
      for ((i = 0; i < n; i++)); do
        # shellcheck disable=SC2086 # "engine mode" splits into two arguments
        run_one "$rep" "$workload" ${setups[$(( (i + rep - 1) % n ))]}
      done
    done
  done
  echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at the end" >> "$RUN_DIR/machine.txt"
  set +e
  java -cp "$WEIR_CP" io.weir.bench.report.ResultsReport table "$RUNS_TSV" "$RUN_DIR/machine.txt" "$RESULTS"
  REPORT_RC=$?
  set -e
  log "results written to $RESULTS (runs and logs in $RUN_DIR)"
else
  REPORT_RC=0
fi

# --- JFR profiles of Weir: which frames the CPU was in. Separate runs, so that the table's timings carry no
# recording overhead.
if $PROFILE; then
  mkdir -p "$RUN_DIR/profiles"
  summary=$RUN_DIR/profiles/summary.md
  {
    echo "### JFR profiles of Weir"
    echo
    echo "One run each with \`-XX:StartFlightRecording:settings=profile\` (Java samples every 10 ms per thread);"
    echo "\`jdk.ExecutionSample\` events summarised by \`io.weir.bench.profile.JfrTopFrames\` (load avg before: $(cut -d' ' -f1-3 /proc/loadavg))."
    echo
  } > "$summary"
  for workload in W1 W2 W3; do
    for mode in BATCH STREAMING; do
      jfr=$RUN_DIR/profiles/weir-$workload-$mode.jfr
      log "profiling weir $workload $mode"
      # shellcheck disable=SC2046
      java "${JVM_FLAGS[@]}" "-XX:StartFlightRecording=filename=$jfr,settings=profile" -cp "$WEIR_CP" \
        io.weir.bench.jobs.WeirJob "$workload" "$mode" $(workload_args "$workload") \
        >"$RUN_DIR/profiles/weir-$workload-$mode.out" 2>"$RUN_DIR/profiles/weir-$workload-$mode.err"
      {
        echo "#### Weir $workload $mode"
        echo
        echo "\`$(grep '^RESULT ' "$RUN_DIR/profiles/weir-$workload-$mode.out")\`"
        echo
        java -cp "$WEIR_CP" io.weir.bench.profile.JfrTopFrames "$jfr" 12
      } >> "$summary"
    done
  done
  java -cp "$WEIR_CP" io.weir.bench.report.ResultsReport splice "$RESULTS" profiles "$summary"
  log "profiles in $RUN_DIR/profiles, summary in $RESULTS"
fi

# --- JMH micro-benchmarks: their own forks, warm-up and iterations (see the annotations); shortened for smoke.
if $JMH; then
  jmh_flags=()
  $SMOKE && jmh_flags=(-f 1 -wi 0 -i 1 -r 200ms)
  log "running JMH micro-benchmarks"
  jmh_load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  java -cp "$WEIR_CP" org.openjdk.jmh.Main ${jmh_flags[@]+"${jmh_flags[@]}"} -foe true -rf text \
    -rff "$RUN_DIR/jmh.txt" >"$RUN_DIR/jmh.log" 2>&1
  {
    echo "### JMH micro-benchmarks"
    echo
    echo "\`java -cp ... org.openjdk.jmh.Main ${jmh_flags[*]:-}\` (load avg before: $jmh_load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)); ops/s = records (or state accesses) per second."
    echo
    echo '```'
    cat "$RUN_DIR/jmh.txt"
    echo '```'
  } > "$RUN_DIR/jmh.md"
  java -cp "$WEIR_CP" io.weir.bench.report.ResultsReport splice "$RESULTS" jmh "$RUN_DIR/jmh.md"
  log "JMH results in $RUN_DIR/jmh.txt and $RESULTS"
fi

exit "$REPORT_RC"
