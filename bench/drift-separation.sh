#!/bin/sh
# Drift score separation on sandbox renders: faithful vs injected identity drift.
# Usage: bench/drift-separation.sh [perClass=6] [width height=512 768] [seedBase=1000] [components.csv]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.sitter.imaging.drift.DriftSeparationBench "$@"
