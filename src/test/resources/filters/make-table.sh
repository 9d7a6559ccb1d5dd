#!/usr/bin/env bash
# Regenerates TABLE and REJECTS from expressions.txt with tshark 4.0 (Debian 12):
#   TABLE:   expression <TAB> frames selected in ethernet.pcap <TAB> mixed.pcapng <TAB> any.pcap
#   REJECTS: expression <TAB> tshark's error text, lines joined by "\n", "tshark:" as "jcap:"
# Run from the repository root: bash src/test/resources/filters/make-table.sh
set -euo pipefail
dir=src/test/resources/filters
samples=(samples/ethernet.pcap samples/mixed.pcapng samples/any.pcap)
table=$dir/TABLE; rejects=$dir/REJECTS
{
    echo "# expression	ethernet.pcap	mixed.pcapng	any.pcap  (frames tshark $(tshark -v | head -1 | awk '{print $3}') selects; made by make-table.sh)"
} > $table
echo "# expression	error text tshark prints (made by make-table.sh)" > $rejects
export TZ=UTC
while IFS= read -r expr; do
    case "$expr" in ''|'#'*) continue ;; esac
    counts=()
    rejected=""
    for s in "${samples[@]}"; do
        if out=$(tshark -n -r "$s" -Y "$expr" -T fields -e frame.number 2>/tmp/make-table.err); then
            counts+=("$(grep -c . <<<"$out" || true)")
        else
            rejected=$(grep -v '^Running as user' /tmp/make-table.err | sed 's/^tshark:/jcap:/' | awk 'BEGIN{ORS="\\n"} {print}' | sed 's/\\n$//')
            break
        fi
    done
    if [ -n "$rejected" ]; then
        printf '%s\t%s\n' "$expr" "$rejected" >> $rejects
    else
        printf '%s\t%s\t%s\t%s\n' "$expr" "${counts[@]}" >> $table
    fi
done < $dir/expressions.txt
echo "$(grep -vc '^#' $table) accepted, $(grep -vc '^#' $rejects) rejected"
