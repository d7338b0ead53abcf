#!/bin/sh
# Cold-start benchmark: fwsh's start-up forms against plain Groovy's own -e 'println 1' on the same jars,
# interleaved in one run so all see the same machine load. Prints the median (and min/max) wall time of N
# runs each, and the PAOS one-liner's median as a fraction of Groovy's.
#
#   shell/src/test/bench/startup.sh [N] [DIST] [OTHER_DIST]   (defaults: 11 runs, shell/target/fwsh)
#
# Build the distribution first: mvn -o -q install -DskipTests (from the repository root). OTHER_DIST, when
# given, is a second fwsh distribution (an older build, say) measured in the same loop for a before/after.
# Variants: fwsh --version; the PAOS one-liner and -e 'println 1' on the emulator, through the launcher
# (C1 only for -e, AppCDS archive when present) and with CDS switched off (FWSH_NO_CDS=1);
# the PAOS one-liner compiling its script every run (FWSH_NO_SCRIPT_CACHE=1, what a new one-liner costs);
# groovy.ui.GroovyMain -e with the JDK's default CDS. fwsh keeps compiled scripts and an imported system catalog
# in its user cache (FWSH_CACHE_DIR): the benchmark uses a fresh one, filled by one untimed run first.
set -eu
# On a machine shared with other jobs, FWSH_BENCH_PRIORITY=1 (Linux, root) runs the loop in its own scheduling
# group at the highest priority, which approximates a quiet machine; the machine line says so.
if [ "${FWSH_BENCH_PRIORITY:-}" = 1 ] && [ -z "${FWSH_BENCH_PRIORITY_SET:-}" ]; then
    FWSH_BENCH_PRIORITY_SET=1 exec setsid sh -c 'echo -20 > /proc/self/autogroup && exec nice -n -20 "$@"' sh sh "$0" "$@"
fi
n=${1:-11}
here=$(cd "$(dirname "$0")" && pwd)
dist=${2:-$here/../../../target/fwsh}
dist=$(cd "$dist" && pwd)
other=${3:-}
[ -n "$other" ] && other=$(cd "$other" && pwd)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
paos='println dev.reg.PAOS.read(local_port: 1)'

now() { date +%s%N; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
FWSH_CACHE_DIR=$tmp/cache
export FWSH_CACHE_DIR
"$dist/bin/fwsh" --emulate -e "$paos" > /dev/null
[ -n "$other" ] && "$other/bin/fwsh" --emulate -e "$paos" > /dev/null

# time_one EXPECTED CMD...: "WALL_MS CPU_MS" for one run (CPU: user + system of the process and its
# children, 0 when GNU time is missing); its output must start with EXPECTED. CPU time is the steadier
# figure on a machine shared with other jobs.
time_one() {
    expected=$1
    shift
    t0=$(now)
    if [ -x /usr/bin/time ]; then
        out=$(/usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" 2>&1)
    else
        out=$("$@" 2>&1)
        echo '0 0' > "$tmp/cpu"
    fi
    t1=$(now)
    case $out in
        "$expected"*) ;;
        *) echo "unexpected output from $*: $out" >&2; exit 1 ;;
    esac
    echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$tmp/cpu")"
}

stats() { # median min max of the wall times in file $1, and the median CPU time
    sort -n "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %5d ms   min %5d   max %5d   (n=%d)", m, a[1], a[NR], NR}'
    printf '   CPU median %5d ms\n' "$(median "$1" 2)"
}

median() { # median of column ${2:-1} of file $1
    awk -v c="${2:-1}" '{print $c}' "$1" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ $i -lt "$n" ]; do
    time_one 'fwsh ' "$dist/bin/fwsh" --version >> "$tmp/version"
    time_one 'PAOS(' "$dist/bin/fwsh" --emulate -e "$paos" >> "$tmp/paos"
    FWSH_NO_CDS=1 time_one 'PAOS(' "$dist/bin/fwsh" --emulate -e "$paos" >> "$tmp/paos-nocds"
    FWSH_NO_SCRIPT_CACHE=1 time_one 'PAOS(' "$dist/bin/fwsh" --emulate -e "$paos" >> "$tmp/paos-nocache"
    time_one 1 "$dist/bin/fwsh" --emulate -e 'println 1' >> "$tmp/one"
    if [ -n "$other" ]; then
        time_one 'fwsh ' "$other/bin/fwsh" --version >> "$tmp/other-version"
        time_one 'PAOS(' "$other/bin/fwsh" --emulate -e "$paos" >> "$tmp/other-paos"
    fi
    time_one 1 "$java_cmd" -cp "$dist/lib/*" groovy.ui.GroovyMain -e 'println 1' >> "$tmp/groovy"
    i=$((i + 1))
done
echo "machine: $(nproc) cpu, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $("$java_cmd" -version 2>&1 | head -1), load $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end${FWSH_BENCH_PRIORITY_SET:+, top priority in its own scheduling group}"
printf 'fwsh --version                       '; stats "$tmp/version"
printf 'fwsh --emulate -e PAOS one-liner     '; stats "$tmp/paos"
printf '  the same without AppCDS            '; stats "$tmp/paos-nocds"
printf '  the same compiling the script       '; stats "$tmp/paos-nocache"
printf 'fwsh --emulate -e "println 1"        '; stats "$tmp/one"
if [ -n "$other" ]; then
    printf 'OTHER fwsh --version                 '; stats "$tmp/other-version"
    printf 'OTHER fwsh --emulate -e PAOS         '; stats "$tmp/other-paos"
fi
printf 'groovy -e "println 1" (same jars)    '; stats "$tmp/groovy"
echo "PAOS one-liner / groovy -e, wall: $(median "$tmp/paos") / $(median "$tmp/groovy") = $(awk "BEGIN {printf \"%.2f\", $(median "$tmp/paos") / $(median "$tmp/groovy")}")"
echo "PAOS one-liner / groovy -e, CPU:  $(median "$tmp/paos" 2) / $(median "$tmp/groovy" 2) = $(awk "BEGIN {printf \"%.2f\", $(median "$tmp/paos" 2) / $(median "$tmp/groovy" 2)}")"
