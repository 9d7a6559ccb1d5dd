#!/bin/sh
# Regenerate the crafted capture files and tshark's golden output for them.
#
#   F.summary  stdout of   tshark -n -r F
#   F.rc       exit code of that run
#   F.stderr   its stderr, minus the 'Running as user "root" ...' warning
#   F.tad      stdout of   tshark -n -t ad -r F   (good files only, TZ=UTC)
#
# tshark is run from this directory with the bare file name, so file names in
# error messages are just "F" (e.g. The file "bad-magic.pcap" isn't ...).
set -eu
cd "$(dirname "$0")"
export TZ=UTC
export LC_ALL=C.UTF-8

python3 ./make-formats.py

ROOTWARN='Running as user "root" and group "root". This could be dangerous.'

# Files that are well-formed captures (everything except the deliberately
# broken ones); only these get a .tad golden.
is_good() {
    case "$1" in
        bad-*|pcapng-bad-*|empty.pcap) return 1 ;;
        *) return 0 ;;
    esac
}

for f in *.pcap *.pcapng *.gz; do
    rc=0
    tshark -n -r "$f" >"$f.summary" 2>"$f.stderr.raw" || rc=$?
    echo "$rc" >"$f.rc"
    grep -vxF "$ROOTWARN" "$f.stderr.raw" >"$f.stderr" || true
    rm -f "$f.stderr.raw"
    if is_good "$f"; then
        tshark -n -t ad -r "$f" >"$f.tad" 2>/dev/null || true
    else
        rm -f "$f.tad"
    fi
    printf '%-28s rc=%s %s\n' "$f" "$rc" "$(head -n1 "$f.stderr")"
done
