#!/bin/sh
# Pack benchmark, offline: generate ASSETS portraits on the sandbox, then time pack export, pack import
# and pack replay (every image regenerated and compared), next to zip/unzip on the same files.
# Usage: bench/packs.sh [ASSETS]                            (default 500)
#        bench/packs.sh --synthetic [ASSETS] [IMAGE_BYTES]  (pack I/O only, random images, in-memory replay)
# BENCH_SIZE=WxH sets the portraits' size (default 256x384: the sandbox's renderer dominates the run).
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.sitter.pack.PackBench "$@"
