#!/bin/sh
# Sandbox benchmarks (issue 4). Usage: bench/sandbox.sh [SECONDS_PER_ROW]   (default 4)
#  1. portraits per second on one thread, per style, at 512x768 and 1024x1536 (render, and render + PNG)
#  2. the server's overhead per request over loopback (everything except rendering)
set -eu
cd "$(dirname "$0")/.."
W=${TMPDIR:-/tmp}/sitter-bench-sandbox
mkdir -p "$W"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$W/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$W/cp.txt")"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
# one active core for rendering: the benchmark renders on a single thread
java -XX:ActiveProcessorCount=1 -cp "$CP" dev.sitter.bench.SandboxBench "${1:-4}"
