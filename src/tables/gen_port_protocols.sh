#!/bin/sh
# Writes the TCP and UDP ports tshark 4.0 hands to a dissector that takes any payload (the
# probe asks tshark), with the protocol's names: jcap marks the layer of those it does not
# decode (io.jcap.proto.undissected). Dissectors that check their bytes are left out.
# Run on a machine with Debian 12's tshark: sh src/tables/gen_port_protocols.sh
set -e
out=src/main/resources/io/jcap/proto/undissected/tshark-ports.tsv
# a filter name two protocols share (tpkt) keeps the first one tshark lists
tshark -G protocols 2>/dev/null | awk -F'\t' '!seen[$3]++ {print $3 "\t" $1 "\t" $2}' | sort > /tmp/jcap-protocols.tsv
{
  echo "# transport	port	filter name	name	short name (tshark -G decodes and -G protocols, $(tshark -v 2>/dev/null | head -1))"
  echo "# only the port dissectors that took every payload of src/tables/probe_port_protocols.py"
  tshark -G decodes 2>/dev/null | awk -F'\t' '($1 == "tcp.port" || $1 == "udp.port") && $2 ~ /^[0-9]+$/ && $2 != 0 {sub(/\.port$/, "", $1); print $3 "\t" $1 "\t" $2}' \
    | sort | join -t '	' - /tmp/jcap-protocols.tsv | awk -F'\t' '{print $2 "\t" $3 "\t" $1 "\t" $4 "\t" $5}' | sort -k1,1 -k2,2n
} > /tmp/jcap-ports-all.tsv
{
  grep '^#' /tmp/jcap-ports-all.tsv
  python3 "$(dirname "$0")/probe_port_protocols.py" /tmp/jcap-ports-all.tsv /tmp/jcap-ports-probe.pcap
} > "$out"
wc -l "$out"
