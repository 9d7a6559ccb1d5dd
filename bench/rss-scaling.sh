#!/usr/bin/env bash
# Peak RSS and wall time of jcap's summary view as the capture grows, with tshark beside
# it up to 1 M packets (issue 7: RSS <= 256 MB and flat from 10 thousand to 10 million).
#
#   bash bench/rss-scaling.sh [SIZES...]     (default: 10k 100k 1m 10m)
# Captures are bench/data/SIZE.pcap, built by bench/make-capture.py when missing (10m:
# 2.7 GB, several minutes). Each copy of the sample has its own hosts, so the number of
# conversations grows with the file: 10k packets hold ~1,000 flows, 10m ~1,000,000.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10k 100k 1m 10m)
./jcap -v >/dev/null
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
count() { case $1 in *k) echo $(( ${1%k} * 1000 )) ;; *m) echo $(( ${1%m} * 1000000 )) ;; *) echo "$1" ;; esac; }
echo "| packets | jcap wall s | jcap peak RSS MB | tshark wall s | tshark peak RSS MB |"
echo "|---|---|---|---|---|"
for size in "${sizes[@]}"; do
    f=bench/data/$size.pcap
    [ -f "$f" ] || python3 bench/make-capture.py "$(count "$size")" "$f"
    /usr/bin/time -o "$stats" -f '%e %M' ./jcap -n -r "$f" >/dev/null 2>&1
    read -r js jk <"$stats"
    ts="—" tk="—"
    if [ "$(count "$size")" -le 1000000 ]; then
        /usr/bin/time -o "$stats" -f '%e %M' tshark -n -r "$f" >/dev/null 2>&1
        read -r ts tk <"$stats"; tk=$((tk / 1024))
    fi
    echo "| $size | $js | $((jk / 1024)) | $ts | $tk |"
done
