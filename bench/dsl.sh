#!/bin/sh
# DSL benchmark: evaluate a generated script with 1,000 characters and 100 templates, then compile
# 10,000 prompts. Prints per-phase wall times and peak heap; /usr/bin/time -v adds max RSS.
#   bench/dsl.sh [CHARACTERS TEMPLATES PROMPTS]      (BENCH_JAVA_OPTS=-Xmx512m bench/dsl.sh to cap the heap)
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v java ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.sitter.bench.DslBench "$@" 2>target/bench-time.txt
  grep -E "Elapsed|Maximum resident" target/bench-time.txt
else
  java ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.sitter.bench.DslBench "$@"
fi
