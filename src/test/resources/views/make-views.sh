#!/bin/sh
# Regenerate the view goldens listed in VIEWLIST from tshark, and small.X / small.XX from
# tcpdump (the hex lines of jcap -X / -XX are compared with tcpdump's).
#
# Each VIEWLIST line is   name  capture  options...
# and becomes             tshark OPTIONS -r CAPTURE  >  <name>.out
# run from the repository root with TZ=UTC (ViewGoldenTest sets the same zone).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
cd "$root"
export TZ=UTC
export LC_ALL=C.UTF-8

command -v tshark >/dev/null || { echo "make-views.sh: tshark is not on PATH" >&2; exit 1; }

sed -e 's/#.*//' "$here/VIEWLIST" | while read -r name capture opts; do
    [ -n "$name" ] || continue
    rc=0
    # $opts is split into words on purpose
    # shellcheck disable=SC2086
    tshark $opts -r "$capture" >"$here/$name.out" 2>/dev/null || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "make-views.sh: warning: $name: tshark exited with $rc" >&2
    fi
    printf '%-22s %6d lines\n' "$name" "$(wc -l <"$here/$name.out")"
done

# tshark's -T json and -T ek of the samples, for JsonParityTest: <name>.tshark.json.gz and
# <name>.tshark.ek.gz for samples/<name>.pcap or .pcapng (ethernet-ns.pcap is left out: the
# same traffic mix as ethernet.pcap, recorded again)
for capture in samples/ethernet.pcap samples/mixed.pcapng samples/any.pcap; do
    name="$(basename "$capture")"
    name="${name%.*}"
    for format in json ek; do
        tshark -n -T "$format" -r "$capture" 2>/dev/null | gzip -9n >"$here/$name.tshark.$format.gz"
    done
done

if command -v tcpdump >/dev/null; then
    tcpdump -n -X -r "$here/small.pcapng" >"$here/small.X.tcpdump" 2>/dev/null
    tcpdump -n -XX -r "$here/small.pcapng" >"$here/small.XX.tcpdump" 2>/dev/null
else
    echo "make-views.sh: tcpdump is not on PATH: small.X.tcpdump and small.XX.tcpdump kept" >&2
fi
