#!/bin/sh
# Console start-up: Sitter vs groovysh (Groovy 5) vs jshell, measured through a real pty.
# For each: time to the first prompt, and time to launch, evaluate 1+1 and exit. Median of RUNS (5).
# usage: bench/repl-startup.sh          (RUNS=10 bench/repl-startup.sh for more runs)
# Needs: java 17, mvn, python3 (its pty module drives the consoles), network to Maven Central once
# (groovysh 5.0.7 and its dependencies go to target/groovysh; the 5.0.8 jar is not served here).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

# Sitter's jar (bin/sitter builds it when stale) and groovysh's class path.
[ -f target/sitter.jar ] || mvn -B -q -o -DskipTests package
if [ ! -f target/groovysh/groovy-groovysh-5.0.7.jar ]; then
  mvn -B -q -f bench/groovysh/pom.xml dependency:copy-dependencies -DoutputDirectory="$root/target/groovysh"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
# Fresh per-user state for all three (history files), and a working directory with no library.
export HOME="$work/home" SITTER_HOME="$work/sitter-home"
cd "$work"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
US=$(printf '\037')
python3 "$root/bench/repl_startup.py" \
  "sitter|sitter> |$root/bin/sitter" \
  "groovysh|groovy> |java${US}-cp${US}$root/target/groovysh/*${US}org.apache.groovy.groovysh.Main" \
  "jshell|jshell> |jshell"
