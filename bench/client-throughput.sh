#!/bin/sh
# Client throughput: 200 generations, 1 s job latency, 10 concurrency slots (floor 20 s).
# Prints wall/floor ratio (goal < 1.15) and client CPU per generation.
# usage: bench/client-throughput.sh [--jobs N] [--slots S] [--latency-ms L] [--width W --height H] [--server fake]
# Default server: the offline sandbox (dev.sitter.sandbox), in the same JVM.
set -eu
cd "$(dirname "$0")/.."
exec mvn -B -q -o test -Dtest=ClientThroughputBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.args="$*"
