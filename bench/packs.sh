#!/bin/sh
# Pack benchmark: export, import and replay-verify a 500-asset pack, next to zip/unzip on the same files.
# Usage: bench/packs.sh [ASSETS] [IMAGE_BYTES]      (defaults: 500 assets of 256 KiB)
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.sitter.pack.PackBench "$@"
