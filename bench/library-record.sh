#!/bin/sh
# Durable recording latency (issue 5: "recording one asset adds under 20 ms").
# Usage: bench/library-record.sh [DIR] [N]   (default /tmp/sitter-bench/record-latency, 200 recordings)
# Put DIR on the disk the library will live on: the result is mostly that disk's fsync time.
# Prints the disk's raw fsync costs first, then wall time and CPU per durable record() of a
# ~1 MB 600x600 PNG into a fresh library.
set -eu
cd "$(dirname "$0")/.."
D=${1:-/tmp/sitter-bench/record-latency}
mkdir -p "$(dirname "$D")"
mvn -B -q -o test-compile
CPF=$(mktemp)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CPF" >/dev/null
CP="target/classes:target/test-classes:$(cat "$CPF")"
rm -f "$CPF"
rm -rf "$D"
java -cp "$CP" dev.sitter.library.RecordLatencyBench "$D" "${2:-200}" 600
rm -rf "$D"
