#!/bin/sh
# Pipeline benchmark (issue 7). Usage: bench/pipeline.sh [CHARACTERS] [PARALLEL] [both|pack|naive]   (default 50 10 both)
# The 'pack' pipeline (explore 8 at 256x384 / 15 steps, select 2 by drift, refine at 512x768, universal
# upscale, LUT grade, PNG export) for N characters against the sandbox with 1 s job latency and 10 slots,
# PARALLEL characters at a time; then the naive run (8 images at 512x768, all upscaled). Prints wall time
# against the floor the limits impose (max of: creates/min with slot pacing, slots x latency, one character's
# chain, the sandbox's render CPU on these cores), credits charged (and the estimate, which must agree), where
# the pipeline threads' time went (sampled), slot use, CPU per thread group, 429s, and a digest of the exported
# images (same seeds must give the same digest across versions). BENCH_JAVA_OPTS=-Dbench.log=FILE also writes
# every request the sandbox saw, with its time.
set -eu
cd "$(dirname "$0")/.."
W=${TMPDIR:-/tmp}/sitter-bench-pipeline
mkdir -p "$W"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$W/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$W/cp.txt")"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java ${BENCH_JAVA_OPTS:-} -Dsitter.library.nosync=true -cp "$CP" dev.sitter.bench.PipelineBench "${1:-50}" "${2:-10}" "${3:-both}"
