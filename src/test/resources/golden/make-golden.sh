#!/bin/sh
# Regenerate every golden output listed in TESTLIST from tshark, the source of truth.
#
# Each TESTLIST line is   name  capture  options...
# and becomes             tshark OPTIONS -r CAPTURE  >  <name>.out
# run from the repository root with TZ=UTC (GoldenTableTest sets the same zone).
# tshark's stderr (e.g. the 'Running as user "root"' warning) is not kept; a
# non-zero exit status is reported, since every golden run should succeed.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
cd "$root"
export TZ=UTC
export LC_ALL=C.UTF-8

command -v tshark >/dev/null || { echo "make-golden.sh: tshark is not on PATH" >&2; exit 1; }

# Protocols jcap does not dissect yet are disabled in tshark too, so that the goldens show
# their bytes as TCP/UDP payload, as jcap does; drop a name here when jcap gains it.
not_yet=""
disabled=""
for p in $not_yet; do disabled="$disabled --disable-protocol $p"; done

status=0
# strip comments, then read name, capture and the rest of the line as options
sed -e 's/#.*//' "$here/TESTLIST" | while read -r name capture opts; do
    [ -n "$name" ] || continue
    if [ ! -f "$capture" ]; then
        echo "make-golden.sh: $name: no such capture $capture" >&2
        exit 1
    fi
    rc=0
    # $opts is split into words on purpose
    # shellcheck disable=SC2086
    tshark $disabled $opts -r "$capture" >"$here/$name.out" 2>/dev/null || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "make-golden.sh: warning: $name: tshark exited with $rc" >&2
    fi
    printf '%-22s %5d lines\n' "$name" "$(wc -l <"$here/$name.out")"
done || status=$?
exit "$status"
