#!/usr/bin/env bash
# Whole-process comparison on one capture: jcap, tshark and tcpdump run alternately,
# RUNS times each; prints the median wall time and the largest peak RSS of each.
#
#   bash bench/compare.sh [CAPTURE] [RUNS]
# With no capture, builds bench/data/1m.pcap (1,000,000 packets from samples/ethernet.pcap).
set -euo pipefail
cd "$(dirname "$0")/.."
capture="${1:-bench/data/1m.pcap}"
runs="${2:-3}"
if [ ! -f "$capture" ]; then
    mkdir -p "$(dirname "$capture")"
    python3 bench/make-capture.py 1000000 "$capture"
fi
./jcap -v >/dev/null   # build first, outside the timings

declare -A cmds=(
    [jcap]="./jcap -n -r $capture"
    [tshark]="tshark -n -r $capture"
    [tcpdump]="tcpdump -n -r $capture"
)
order=(jcap tshark tcpdump)
declare -A times rss
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
for ((i = 0; i < runs; i++)); do
    for tool in "${order[@]}"; do
        /usr/bin/time -o "$stats" -f '%e %M' ${cmds[$tool]} >/dev/null 2>/dev/null || true
        out=$(tail -1 "$stats")
        times[$tool]+="${out%% *} "
        rss[$tool]+="${out##* } "
    done
done
packets=$(capinfos -c -M "$capture" 2>/dev/null | awk '/Number of packets/ {print $NF}')
echo "capture: $capture ($packets packets), $runs runs each, $(nproc) cores"
printf '%-8s %12s %14s\n' tool "median s" "peak RSS MB"
for tool in "${order[@]}"; do
    median=$(tr ' ' '\n' <<<"${times[$tool]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    peak=$(tr ' ' '\n' <<<"${rss[$tool]}" | grep . | sort -n | tail -1)
    printf '%-8s %12s %14d\n' "$tool" "$median" "$((peak / 1024))"
done
