#!/bin/sh
# fwsh serve benchmark: scrape latency and memory over a long run, on the emulator with 2 devices x 2 ports
# (cx6dx,cx6dx) and the default counter set, through the distribution's own launcher and curl on loopback.
#
#   shell/src/test/bench/serve.sh [SCRAPES] [MINUTES] [DIST]   (defaults: 1000 scrapes, 10 minutes, shell/target/fwsh)
#
# Build the distribution first: mvn -o -q package -DskipTests (from the repository root).
# 1. Latency: 200 warm-up scrapes, then SCRAPES back to back; prints p50, p99 and max of curl's time_total (the
#    HTTP request from connect to the last byte, so the read of every device and the exposition are in it).
# 2. Memory: one scrape per second for MINUTES; every 30 s a full GC (jcmd GC.run) and the heap in use after
#    it (jcmd GC.heap_info); prints each sample, then first, last and largest. Flat means no growth with time.
# Prints the load average before and after: on a shared machine the latency figures are upper bounds.
set -eu
scrapes=${1:-1000}
minutes=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "${3:-$here/../../../target/fwsh}" && pwd)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$dist/bin/fwsh" serve --emulate=cx6dx,cx6dx --listen 127.0.0.1:0 2>"$tmp/err" &
pid=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/metrics.*|\1|p' "$tmp/err")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/err" >&2; exit 1; }
  sleep 0.2
done
[ -n "$port" ] || { echo "fwsh serve did not start" >&2; cat "$tmp/err" >&2; exit 1; }
url=http://127.0.0.1:$port/metrics
grep 'series per port' "$tmp/err"
echo "series in one scrape: $(curl -sf "$url" | grep -c '^fwsh_')"

for _ in $(seq 1 200); do curl -sf -o /dev/null "$url"; done
for _ in $(seq 1 "$scrapes"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n >"$tmp/lat"
awk -v n="$scrapes" '{ v[NR] = $1 * 1000 } END {
  p50 = v[int(n * 0.50 + 0.5)]; p99 = v[int(n * 0.99 + 0.5)]
  printf "scrape latency over %d scrapes: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", n, p50, p99, v[n] }' "$tmp/lat"
echo "load after latency: $(cut -d' ' -f1-3 /proc/loadavg)"

heap() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1
}
start=$(date +%s)
end=$((start + minutes * 60))
next=$start
i=0
while :; do
  now=$(date +%s)
  [ "$now" -lt "$end" ] || break
  curl -sf -o /dev/null "$url" || { echo "scrape failed" >&2; exit 1; }
  i=$((i + 1))
  if [ "$now" -ge "$next" ]; then
    echo "$((now - start)) s, $i scrapes: heap after GC $(heap) KB" | tee -a "$tmp/heap"
    next=$((next + 30))
  fi
  sleep "$(awk -v s="$start" -v i="$i" -v n="$(date +%s.%N)" 'BEGIN { d = s + i - n; print (d > 0 ? d : 0) }')"
done
echo "$(( $(date +%s) - start)) s, $i scrapes: heap after GC $(heap) KB" | tee -a "$tmp/heap"
awk '{ v = $8; if (NR == 1) first = v; last = v; if (v > max) max = v }
  END { printf "heap after GC over %d samples: first %d KB, last %d KB, largest %d KB\n", NR, first, last, max }' "$tmp/heap"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM "$pid"
wait "$pid" && echo "stopped by SIGTERM: exit 0" || echo "exit $? after SIGTERM"
pid=
