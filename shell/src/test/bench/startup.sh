#!/bin/sh
# Cold-start benchmark: `fwsh -e 'println 1'` against plain Groovy's own -e on the same jars, interleaved
# in one run so both see the same machine load. Prints the median (and min/max) wall time of N runs each.
#
#   shell/src/test/bench/startup.sh [N] [DIST]      (defaults: 11 runs, shell/target/fwsh)
#
# Build the distribution first: mvn -o -q install -DskipTests (from the repository root).
# Variants measured (both fwsh ones run C1-only, as the launcher does for -e): fwsh through its launcher
# (AppCDS archive used when present), fwsh with CDS
# switched off (FWSH_NO_CDS=1), and groovy.ui.GroovyMain -e with the JDK's default CDS.
set -eu
n=${1:-11}
here=$(cd "$(dirname "$0")" && pwd)
dist=${2:-$here/../../../target/fwsh}
dist=$(cd "$dist" && pwd)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

now() { date +%s%N; }

# run LABEL CMD...: time one run in milliseconds; the command must print exactly "1".
time_one() {
    t0=$(now)
    out=$("$@" 2>&1)
    t1=$(now)
    if [ "$out" != "1" ]; then echo "unexpected output from $*: $out" >&2; exit 1; fi
    echo $(( (t1 - t0) / 1000000 ))
}

stats() { # median min max of the numbers in file $1
    sort -n "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %5d ms   min %5d   max %5d   (n=%d)\n", m, a[1], a[NR], NR}'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
while [ $i -lt "$n" ]; do
    time_one "$dist/bin/fwsh" -e 'println 1' >> "$tmp/fwsh"
    FWSH_NO_CDS=1 time_one "$dist/bin/fwsh" -e 'println 1' >> "$tmp/fwsh-nocds"
    time_one "$java_cmd" -cp "$dist/lib/*" groovy.ui.GroovyMain -e 'println 1' >> "$tmp/groovy"
    i=$((i + 1))
done
echo "machine: $(nproc) cpu, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $("$java_cmd" -version 2>&1 | head -1)"
printf 'fwsh -e (launcher, AppCDS if built)  '; stats "$tmp/fwsh"
printf 'fwsh -e (no AppCDS)                  '; stats "$tmp/fwsh-nocds"
printf 'groovy -e (GroovyMain, same jars)    '; stats "$tmp/groovy"
