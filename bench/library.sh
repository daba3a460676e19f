#!/bin/sh
# Prompt library benchmarks (issue 5). Usage: bench/library.sh [WORKDIR]   (default /tmp/sitter-bench)
#
#  1. builds a 100,000-record library (fsync off while building the fixture; reused if present)
#  2. times 'ls --character' and 'find --seed' queries in a fresh JVM, and as whole CLI processes
#  3. times durable recordings (fsync on) of ~1 MB PNGs into the 100k library
#  4. times 'verify' on the 100k library and on 200 x ~1 MB PNGs, against sha256sum on the same files
set -eu
cd "$(dirname "$0")/.."
W=${1:-/tmp/sitter-bench}
mkdir -p "$W"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$W/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$W/cp.txt")"
bench() { java -cp "$CP" dev.sitter.bench.LibraryBench "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
if [ ! -d "$W/lib100k/records" ]; then
  echo "== building the 100,000-record fixture in $W/lib100k"
  java -Dsitter.library.nosync=true -cp "$CP" dev.sitter.bench.LibraryBench generate "$W/lib100k" 100000
fi

echo "== queries on 100,000 records (in-process: one fresh JVM)"
bench query "$W/lib100k"
echo "== the same as whole 'bin/sitter' processes (JVM start-up with class-data sharing included)"
bin/sitter --version >/dev/null 2>&1 || true   # builds the jar and the CDS archive on first use
bin/sitter --version >/dev/null
for i in 1 2 3 4 5; do
  t=$(date +%s%N); bin/sitter ls --library "$W/lib100k" --character char7 >/dev/null; l=$(ms "$t")
  t=$(date +%s%N); bin/sitter find --library "$W/lib100k" --seed 1077777 >/dev/null; f=$(ms "$t")
  t=$(date +%s%N); bin/sitter --version >/dev/null; v=$(ms "$t")
  echo "  ls --character char7: $l ms   find --seed 1077777: $f ms   (sitter --version alone: $v ms)"
done

echo "== recording latency (fsync on) into the 100,000-record library"
bench record "$W/lib100k" 100 600

echo "== verify the 100,000-record library (plus the 100 recorded above)"
find "$W/lib100k/objects" "$W/lib100k/assets" -type f -print0 | xargs -0 cat >/dev/null   # same warm cache for both
bench verify "$W/lib100k"
bytes=$(find "$W/lib100k/objects" "$W/lib100k/assets" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
t=$(date +%s%N); find "$W/lib100k/objects" "$W/lib100k/assets" -type f -print0 | xargs -0 sha256sum >/dev/null; e=$(ms "$t")
echo "sha256sum on the same files: $(awk "BEGIN {printf \"%.1f MB in %.1f s = %.0f MB/s\", $bytes/1e6, $e/1000, $bytes/1e6/($e/1000)}")"

echo "== verify 200 x ~1 MB PNGs"
rm -rf "$W/libbig"
bench record "$W/libbig" 200 600
find "$W/libbig/objects" "$W/libbig/assets" -type f -print0 | xargs -0 cat >/dev/null
bench verify "$W/libbig"
bytes=$(find "$W/libbig/objects" "$W/libbig/assets" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
t=$(date +%s%N); find "$W/libbig/objects" "$W/libbig/assets" -type f -print0 | xargs -0 sha256sum >/dev/null; e=$(ms "$t")
echo "sha256sum on the same files: $(awk "BEGIN {printf \"%.1f MB in %.1f s = %.0f MB/s\", $bytes/1e6, $e/1000, $bytes/1e6/($e/1000)}")"
