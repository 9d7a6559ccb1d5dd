#!/usr/bin/env bash
# Issue 7's whole-process comparisons: every case runs jcap, tshark and (where it has an
# equivalent) tcpdump alternately, RUNS times each, output to /dev/null; prints one
# Markdown row per case with the median wall time, the largest peak RSS and the ratios.
#
#   bash bench/suite.sh [RUNS] [CASE ...]
# Cases: summary http ipport fields3 fields15 verbose json copy tiny (default: all).
# Uses bench/data/1m.pcap and bench/data/100k.pcap (built if missing; -V and -T json run
# on 100k, since tshark needs minutes for them on 1m) and a 10-packet file cut from 100k.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
big=bench/data/1m.pcap
mid=bench/data/100k.pcap
tiny=bench/data/10.pcap
[ -f "$big" ] || python3 bench/make-capture.py 1000000 "$big"
[ -f "$mid" ] || python3 bench/make-capture.py 100000 "$mid"
[ -f "$tiny" ] || python3 bench/make-capture.py 10 "$tiny"
./jcap -v >/dev/null   # build first, outside the timings
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

host=10.0.2.1
fields3="-e frame.number -e ip.src -e tcp.dstport"
fields15="-e frame.number -e frame.time_relative -e frame.len -e eth.src -e eth.dst -e ip.src -e ip.dst \
-e ip.proto -e ip.ttl -e tcp.srcport -e tcp.dstport -e tcp.seq -e udp.srcport -e dns.qry.name -e http.request.uri"

# case -> "file|jcap/tshark arguments|tcpdump arguments (empty: no equivalent)"
declare -A cases=(
    [summary]="$big|-n -r $big|-n -r $big"
    [http]="$big|-n -r $big -Y http.request|"
    [ipport]="$big|-n -r $big -Y 'ip.addr == $host && tcp.port == 80'|-n -r $big 'host $host and tcp port 80'"
    [fields3]="$big|-n -r $big -T fields $fields3|"
    [fields15]="$big|-n -r $big -T fields $fields15|"
    [verbose]="$mid|-n -r $mid -V|"
    [json]="$mid|-n -r $mid -T json|"
    [copy]="$big|-r $big -Y 'tcp.port == 80' -w $out/copy.pcap -F pcap|-r $big -w $out/copy.pcap 'tcp port 80'"
    [tiny]="$tiny|-n -r $tiny|-n -r $tiny"
)
order=(summary http ipport fields3 fields15 verbose json copy tiny)
[ $# -gt 0 ] && order=("$@")

stats=$(mktemp)
# one run of a command line: prints wall seconds and peak RSS in KB
once() {
    /usr/bin/time -o "$stats" -f '%e %M' bash -c "$1" >/dev/null 2>&1 || true
    tail -1 "$stats"
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f×", b / a; else print "—" }'; }

echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $runs runs each, median wall s / peak RSS MB"
echo
echo "| case | jcap | tshark | tcpdump | tshark ÷ jcap | tcpdump ÷ jcap |"
echo "|---|---|---|---|---|---|"
for c in "${order[@]}"; do
    IFS='|' read -r file args targs <<<"${cases[$c]}"
    declare -A times=() peak=([jcap]=0 [tshark]=0 [tcpdump]=0)
    # the tools take turns run by run, so that drifts in the machine's speed hit all alike
    for ((r = 0; r < runs; r++)); do
        for tool in jcap tshark tcpdump; do
            case $tool in
                jcap) cmd="./jcap $args" ;;
                tshark) cmd="tshark $args" ;;
                tcpdump) [ -n "$targs" ] || continue; cmd="tcpdump $targs" ;;
            esac
            read -r sec kb <<<"$(once "$cmd")"
            times[$tool]+="$sec "
            (( kb / 1024 > peak[$tool] )) && peak[$tool]=$((kb / 1024))
        done
    done
    j=$(median "${times[jcap]}"); t=$(median "${times[tshark]}")
    dcol="—"; dr="—"
    if [ -n "$targs" ]; then
        d=$(median "${times[tcpdump]}"); dcol="$d s, ${peak[tcpdump]} MB"; dr=$(ratio "$j" "$d")
    fi
    printf '| %s: `%s` (%s) | %s s, %s MB | %s s, %s MB | %s | %s | %s |\n' \
        "$c" "${args//$out\//}" "$(basename "$file")" "$j" "${peak[jcap]}" "$t" "${peak[tshark]}" "$dcol" \
        "$(ratio "$j" "$t")" "$dr"
done
