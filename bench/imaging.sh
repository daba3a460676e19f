#!/bin/sh
# Local imaging costs on one thread: LUT grading, resizing, JPEG, contact sheet.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.sitter.bench.ImagingBench "$@"
