#!/usr/bin/env bash
# Live recording under load: tcpreplay sends a capture at top speed over a veth pair
# between two throw-away network namespaces while one recorder writes what arrives;
# jcap, dumpcap and tcpdump take turns. Prints, per recorder and run: packets sent
# (tcpreplay), packets in the file (capinfos) and the drops the recorder reported.
#
#   sudo [BUFFER=MiB] [TOOLS="jcap dumpcap"] bash bench/live-capture.sh [CAPTURE] [PACKETS] [RUNS]
# CAPTURE defaults to bench/data/1m.pcap (built if missing); PACKETS limits how many of
# its packets are sent per run (default 200000); RUNS per recorder (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
capture="${1:-bench/data/1m.pcap}"
limit="${2:-200000}"
runs="${3:-2}"
[[ $EUID -eq 0 ]] || { echo "live-capture.sh: must run as root" >&2; exit 1; }
for tool in tcpreplay dumpcap tcpdump capinfos ip; do
    command -v "$tool" >/dev/null || { echo "live-capture.sh: missing $tool (apt-get install -y tcpreplay tshark tcpdump)" >&2; exit 1; }
done
if [ ! -f "$capture" ]; then
    mkdir -p "$(dirname "$capture")"
    python3 bench/make-capture.py 1000000 "$capture"
fi
./jcap -v >/dev/null   # build first, outside the runs

A=jcap-bench-tx B=jcap-bench-rx
work=$(mktemp -d)
cleanup() {
    ip netns pids "$B" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
    ip netns del "$A" 2>/dev/null || true
    ip netns del "$B" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cleanup; work=$(mktemp -d)
ip netns add "$A"; ip netns add "$B"
ip link add btx netns "$A" type veth peer name brx netns "$B"
ip -n "$A" link set btx up; ip -n "$B" link set brx up
ip -n "$A" link set lo up; ip -n "$B" link set lo up

# BUFFER=N (MiB) gives every recorder the same kernel buffer (-B); unset, each keeps its default (2 MiB)
buf_j="" buf_d="" buf_t=""
if [ -n "${BUFFER:-}" ]; then
    buf_j="-B $BUFFER" buf_d="-B $BUFFER" buf_t="-B $((BUFFER * 1024))"
fi
declare -A rec=(
    [jcap]="$PWD/jcap -i brx $buf_j -q -w $work/out.pcapng"
    [dumpcap]="dumpcap -q -i brx $buf_d -w $work/out.pcapng"
    [tcpdump]="tcpdump -i brx $buf_t -w $work/out.pcapng --immediate-mode"
)
printf '%-8s %4s %10s %10s %10s %10s %s\n' recorder run sent "sent pps" captured dropped "recorder's own count"
for ((r = 1; r <= runs; r++)); do
    for tool in ${TOOLS:-jcap dumpcap tcpdump}; do
        rm -f "$work/out.pcapng"
        ip netns exec "$B" ${rec[$tool]} 2>"$work/err" &
        pid=$!
        # wait until the recorder listens (its file exists), at most 10 s
        for _ in $(seq 100); do [ -s "$work/out.pcapng" ] && break; sleep 0.1; done
        sleep 0.5
        ip netns exec "$A" tcpreplay -i btx --topspeed --limit="$limit" "$capture" > "$work/replay" 2>&1 || true
        sent=$(awk '/Actual:/ {print $2; exit}' "$work/replay")
        rate=$(awk '/Rated:/ {for (i = 1; i <= NF; i++) if ($i ~ /pps/) {print $(i-1); exit}}' "$work/replay")
        sleep 1
        # SIGTERM: a background job of a script ignores SIGINT, which a JVM cannot undo
        kill -TERM "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        got=$(capinfos -c -M "$work/out.pcapng" 2>/dev/null | awk '/Number of packets/ {print $NF}')
        dropped=$(grep -oiE '[0-9]+ packets? dropped( by kernel)?|dropped [0-9]+|[0-9]+ packets? dropped from' "$work/err" \
            | grep -oE '[0-9]+' | paste -sd+ | bc 2>/dev/null || echo 0)
        own=$(grep -iE 'captured|received|dropped' "$work/err" | tr '\n' ' ' | tr -s ' ')
        printf '%-8s %4d %10s %10s %10s %10s %s\n' "$tool" "$r" "$sent" "${rate%.*}" "$got" "${dropped:-0}" "$own"
    done
done
