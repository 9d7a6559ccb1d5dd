#!/bin/sh
# Records HTTP on TCP port 8000 and DNS on UDP port 5300 over loopback (ports that no
# dissector claims), for the -d tests: decodeas.pcap. Needs root, tcpdump, python3,
# curl, dnsmasq and dig.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'kill $(cat "$tmp"/pids) 2>/dev/null || true; rm -rf "$tmp"' EXIT
(cd "$tmp" && echo "hello from jcap" > index.html && python3 -m http.server 8000 --bind 127.0.0.1 >/dev/null 2>&1 & echo $! >> "$tmp/pids")
dnsmasq --no-daemon --port 5300 --listen-address 127.0.0.1 --bind-interfaces --no-resolv --no-hosts \
    --address=/srv.jcap.test/10.0.0.2 >/dev/null 2>&1 & echo $! >> "$tmp/pids"
sleep 1
tcpdump -i lo -U -w "$tmp/cap.pcap" 'tcp port 8000 or udp port 5300' 2>/dev/null & echo $! >> "$tmp/pids"
sleep 1
curl -s http://127.0.0.1:8000/index.html >/dev/null
dig +short -p 5300 @127.0.0.1 srv.jcap.test A >/dev/null
sleep 1
kill "$(tail -1 "$tmp/pids")"; sleep 1
cp "$tmp/cap.pcap" decodeas.pcap
