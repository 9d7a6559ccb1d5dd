#!/usr/bin/env bash
# make-samples.sh -- generate small capture files of REAL traffic for jcap tests.
#
# Usage:  sudo bash samples/make-samples.sh
#
# Builds three throw-away network namespaces (no route to the outside world):
#
#   jcap-cli  cli0 10.0.0.1/25    fd00::1/64  <-veth->  srv0 10.0.0.2/25   fd00::2/64  jcap-srv
#             cli1 10.0.0.129/25  (fe80 only) <-veth->  peer0 10.0.0.130/25 (fe80)     jcap-peer
#
# jcap-srv runs dnsmasq (DNS + IPv6 router advertisements) and a python3
# http.server (HTTP/1.1, keep-alive); jcap-peer runs a python3 http.server
# (HTTP/1.0).  Traffic is generated from jcap-cli and captured there:
#
#   ethernet.pcap      tcpdump -i cli0                          pcap, usec, Ethernet
#   ethernet-ns.pcap   tcpdump -i cli0 --time-stamp-precision=nano  pcap, nsec, Ethernet
#   mixed.pcapng       dumpcap -i cli0 -i cli1                  pcapng, 2 interfaces
#   any.pcap           tcpdump -i any -y LINUX_SLL              pcap, Linux cooked v1
#
# The script is idempotent (stale namespaces from an aborted run are removed
# first, output files are replaced) and cleans up after itself via a trap.
set -euo pipefail

if [[ ${EUID} -ne 0 ]]; then
    echo "make-samples.sh: must run as root (sudo bash $0)" >&2
    exit 1
fi

for tool in ip tcpdump dumpcap tshark capinfos arping ping curl dig dnsmasq ss; do
    command -v "$tool" >/dev/null || { echo "make-samples.sh: missing tool: $tool" >&2; exit 1; }
done
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)

SAMPLES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NS_C=jcap-cli
NS_S=jcap-srv
NS_P=jcap-peer
ALL_NS=("$NS_C" "$NS_S" "$NS_P")

# Fixed MAC addresses, so link-local addresses are the same on every run.
MAC_CLI0=02:00:00:00:01:01
MAC_SRV0=02:00:00:00:01:02
MAC_CLI1=02:00:00:00:02:01
MAC_PEER0=02:00:00:00:02:02
SRV4=10.0.0.2
SRV6=fd00::2
PEER4=10.0.0.130
PEER6LL=fe80::ff:fe00:202   # EUI-64 link-local derived from MAC_PEER0

WORK=""
PIDS=()          # background processes we started (killed by the trap)

log() { printf '==> %s\n' "$*" >&2; }

ns_exists() { ip netns list | awk '{print $1}' | grep -qx -- "$1"; }

# Delete one of OUR namespaces, first ending the processes running inside it
# (only relevant after an aborted run).
delete_ns() {
    local ns=$1 pids
    ns_exists "$ns" || return 0
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    if [[ -n $pids ]]; then
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        sleep 0.5
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        # shellcheck disable=SC2086
        [[ -z $pids ]] || kill -KILL $pids 2>/dev/null || true
    fi
    ip netns del "$ns" 2>/dev/null || true
}

forget_pid() {
    local p keep=()
    for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

stop_pid() {   # stop_pid PID [SIGNAL]
    local pid=$1 sig=${2:-TERM} i
    kill "-$sig" "$pid" 2>/dev/null || true
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    forget_pid "$pid"
}

cleanup() {
    local rc=$? p ns
    set +e
    trap - EXIT INT TERM
    for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    sleep 0.3
    for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    for ns in "${ALL_NS[@]}"; do delete_ns "$ns"; done
    [[ -n $WORK && -d $WORK ]] && rm -rf -- "$WORK"
    if [[ $rc -ne 0 ]]; then echo "make-samples.sh: FAILED (exit $rc), cleaned up" >&2; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- topology
setup_topology() {
    local ns
    for ns in "${ALL_NS[@]}"; do delete_ns "$ns"; done
    for ns in "${ALL_NS[@]}"; do
        ip netns add "$ns"
        ip -n "$ns" link set lo up
        # No DAD delay, no SLAAC, no temporary addresses: predictable addresses.
        ip netns exec "$ns" sysctl -qw \
            net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv6.conf.all.autoconf=0 net.ipv6.conf.default.autoconf=0 \
            net.ipv6.conf.default.use_tempaddr=0
    done

    ip link add cli0 netns "$NS_C" type veth peer name srv0 netns "$NS_S"
    ip link add cli1 netns "$NS_C" type veth peer name peer0 netns "$NS_P"
    ip -n "$NS_C" link set cli0 address "$MAC_CLI0"
    ip -n "$NS_S" link set srv0 address "$MAC_SRV0"
    ip -n "$NS_C" link set cli1 address "$MAC_CLI1"
    ip -n "$NS_P" link set peer0 address "$MAC_PEER0"

    ip -n "$NS_C" addr add 10.0.0.1/25 dev cli0
    ip -n "$NS_C" addr add fd00::1/64 dev cli0 nodad
    ip -n "$NS_S" addr add 10.0.0.2/25 dev srv0
    ip -n "$NS_S" addr add fd00::2/64 dev srv0 nodad
    ip -n "$NS_C" addr add 10.0.0.129/25 dev cli1
    ip -n "$NS_P" addr add 10.0.0.130/25 dev peer0

    ip -n "$NS_C" link set cli0 up
    ip -n "$NS_C" link set cli1 up
    ip -n "$NS_S" link set srv0 up
    ip -n "$NS_P" link set peer0 up

    # Wait until no IPv6 address is tentative anymore (DAD is off, but be sure).
    local i
    for i in $(seq 100); do
        local tent=""
        for ns in "${ALL_NS[@]}"; do
            tent+=$(ip -n "$ns" -6 addr show tentative)
        done
        [[ -z $tent ]] && break
        sleep 0.1
    done
    [[ -z $tent ]] || { echo "IPv6 addresses still tentative" >&2; exit 1; }

    # Sanity: there must be no default route anywhere (traffic stays local).
    for ns in "${ALL_NS[@]}"; do
        if ip -n "$ns" route show default | grep -q . || ip -n "$ns" -6 route show default | grep -q .; then
            echo "unexpected default route in $ns" >&2; exit 1
        fi
    done
    # Let the link-up chatter (router solicitations, MLD reports) die down.
    sleep 2
}

prepare_files() {
    mkdir -p "$WORK/www"
    cat >"$WORK/www/index.html" <<'EOF'
<!DOCTYPE html>
<html><head><title>jcap sample</title></head>
<body><h1>Hello from jcap-srv</h1><p>A tiny page for capture samples.</p></body></html>
EOF
    printf 'hello, world\n' >"$WORK/www/hello.txt"
    printf '{"name": "jcap", "kind": "sample", "values": [1, 2, 3]}\n' >"$WORK/www/data.json"
    mkdir -p "$WORK/peer-www"
    printf 'peer says hi\n' >"$WORK/peer-www/index.txt"

    # Tiny helper: UDP datagram / TCP connect to a port that is closed.
    cat >"$WORK/poke.py" <<'EOF'
import socket, sys
kind, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
fam = socket.AF_INET6 if ":" in host else socket.AF_INET
if kind == "udp":
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.settimeout(1.0)
    s.connect((host, port))
    s.send(b"hi\n")
    try:
        s.recv(512)
        print(f"udp {host}:{port}: got an answer?!")
    except ConnectionRefusedError:
        print(f"udp {host}:{port}: ICMP port unreachable")
    except socket.timeout:
        print(f"udp {host}:{port}: no answer")
else:
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.settimeout(2.0)
    try:
        s.connect((host, port))
        print(f"tcp {host}:{port}: connected?!")
    except ConnectionRefusedError:
        print(f"tcp {host}:{port}: connection refused (RST)")
s.close()
EOF
}

# ---------------------------------------------------------------- services
wait_listen() {   # wait_listen NS PROTO(t|u) PORT
    local i
    for i in $(seq 100); do
        if ip netns exec "$1" ss -Hln"$2" "sport = :$3" | grep -q .; then return 0; fi
        sleep 0.1
    done
    echo "nothing listening on $2/$3 in $1" >&2
    exit 1
}

start_services() {
    ip netns exec "$NS_S" "$PY" -m http.server 80 --bind :: --protocol HTTP/1.1 \
        --directory "$WORK/www" >>"$WORK/http-srv.log" 2>&1 &
    PIDS+=($!)
    ip netns exec "$NS_P" "$PY" -m http.server 80 --bind 10.0.0.130 \
        --directory "$WORK/peer-www" >>"$WORK/http-peer.log" 2>&1 &
    PIDS+=($!)
    # DNS on srv0 only (10.0.0.2, fd00::2); names under jcap.test are authoritative
    # (unknown ones -> NXDOMAIN), everything else REFUSED (no upstream).
    # RA-only on srv0 with router lifetime 0: no default route is installed.
    ip netns exec "$NS_S" dnsmasq --keep-in-foreground --no-resolv --no-hosts \
        --port=53 --interface=srv0 --bind-interfaces \
        --pid-file="$WORK/dnsmasq.pid" --dhcp-leasefile="$WORK/dnsmasq.leases" \
        --log-facility="$WORK/dnsmasq.log" --log-queries \
        --local=/jcap.test/ \
        --host-record=srv.jcap.test,$SRV4,$SRV6 \
        --host-record=peer.jcap.test,$PEER4 \
        --address=/www.jcap.test/$SRV4 \
        --mx-host=jcap.test,mail.jcap.test,10 \
        --txt-record=jcap.test,"v=spf1 -all","jcap sample zone" \
        --enable-ra --dhcp-range=::,constructor:srv0,ra-only \
        --ra-param=srv0,10,0 &
    PIDS+=($!)
    wait_listen "$NS_S" t 80
    wait_listen "$NS_P" t 80
    wait_listen "$NS_S" u 53
    wait_listen "$NS_S" t 53
}

stop_services() {
    local p
    for p in "${PIDS[@]}"; do
        [[ $p == "${CAP_PID:-}" ]] && continue
        stop_pid "$p" TERM
    done
}

# ---------------------------------------------------------------- capture
CAP_PID=""
start_capture() {   # start_capture ERRLOG COMMAND...   (runs inside the client ns)
    local errlog=$1; shift
    : >"$errlog"
    ip netns exec "$NS_C" "$@" 2>"$errlog" &
    CAP_PID=$!
    PIDS+=("$CAP_PID")
    local i
    for i in $(seq 100); do
        grep -qE 'listening on|Capturing on' "$errlog" && break
        kill -0 "$CAP_PID" 2>/dev/null || { cat "$errlog" >&2; exit 1; }
        sleep 0.1
    done
    grep -qE 'listening on|Capturing on' "$errlog" || { cat "$errlog" >&2; exit 1; }
    sleep 0.5
}

stop_capture() {
    sleep 1.5    # let the last packets (FINs, late replies) be written
    stop_pid "$CAP_PID" INT
    CAP_PID=""
}

flush_neighbors() {
    local ns
    for ns in "${ALL_NS[@]}"; do
        ip -n "$ns" neigh flush all 2>/dev/null || true
    done
}

# ---------------------------------------------------------------- traffic
C() { ip netns exec "$NS_C" "$@"; }

# curl_get [OPTION...] URL...   (one curl invocation; bodies are discarded)
curl_get() {
    local a args=()
    for a in "$@"; do
        case $a in
            -*) args+=("$a") ;;
            *)  args+=(-o /dev/null "$a") ;;
        esac
    done
    C curl -sS --max-time 5 -w '  HTTP %{http_code} %{url_effective} (new connections: %{num_connects})\n' "${args[@]}"
}

traffic_arp() {
    log "arping $SRV4"
    C arping -q -c 2 -I cli0 "$SRV4" || true
}

traffic_ping() {
    log "ping $SRV4 / ping -6 $SRV6"
    C ping -q -n -c 3 -i 0.2 -W 2 "$SRV4" >/dev/null
    C ping -q -n -6 -c 3 -i 0.2 -W 2 "$SRV6" >/dev/null
}

traffic_frag() {
    log "ping -s 3000 (IPv4 + IPv6 fragments)"
    C ping -q -n -c 2 -i 0.3 -W 2 -s 3000 "$SRV4" >/dev/null
    C ping -q -n -6 -c 2 -i 0.3 -W 2 -s 3000 "$SRV6" >/dev/null
}

traffic_http() {
    log "HTTP (curl -> python3 http.server)"
    curl_get "http://$SRV4/"
    curl_get "http://$SRV4/missing.html"                              # 404
    curl_get "http://$SRV4/hello.txt" "http://$SRV4/data.json"        # 2 GETs, 1 keep-alive connection
    curl_get -g "http://[$SRV6]/hello.txt"                           # over IPv6
    curl_get -I "http://$SRV4/index.html"                             # HEAD
}

traffic_dns() {
    log "DNS (dig -> dnsmasq)"
    local d=(dig +tries=1 +time=2 +nocookie)
    C "${d[@]}" @"$SRV4" srv.jcap.test A +short
    C "${d[@]}" @"$SRV6" srv.jcap.test AAAA +short
    C "${d[@]}" @"$SRV4" jcap.test MX +short
    C "${d[@]}" @"$SRV4" jcap.test TXT +short
    C "${d[@]}" @"$SRV4" nosuchname.jcap.test A | grep -o 'status: [A-Z]*'
    C "${d[@]}" @"$SRV4" www.jcap.test A +tcp +short
}

traffic_closed_ports() {
    log "UDP + TCP to closed ports"
    C "$PY" "$WORK/poke.py" udp "$SRV4" 9
    C "$PY" "$WORK/poke.py" udp "$SRV6" 9
    C "$PY" "$WORK/poke.py" tcp "$SRV4" 81
}

traffic_peer() {
    log "traffic to the peer on cli1"
    C arping -q -c 1 -I cli1 "$PEER4" || true
    C ping -q -n -c 2 -i 0.2 -W 2 "$PEER4" >/dev/null
    C ping -q -n -6 -c 2 -i 0.2 -W 2 "$PEER6LL%cli1" >/dev/null
    curl_get "http://$PEER4/index.txt"
}

traffic_full() {
    traffic_arp
    traffic_ping
    traffic_frag
    traffic_http
    traffic_dns
    traffic_closed_ports
}

# One capture run: NAME, a traffic function, then the capture command.
run_capture() {
    local name=$1 traffic=$2; shift 2
    log "---- capturing $name"
    flush_neighbors
    start_capture "$WORK/$name.err" "$@"
    start_services          # after the capture started: dnsmasq's first RAs are recorded
    "$traffic"
    stop_services
    stop_capture
    sed 's/^/  /' "$WORK/$name.err" >&2
}

traffic_for_mixed() { traffic_full; traffic_peer; }
traffic_for_any() {
    traffic_arp
    traffic_ping
    traffic_dns
    curl_get "http://$SRV4/" "http://$SRV4/hello.txt"
    curl_get "http://$SRV4/missing.html"
    curl_get -g "http://[$SRV6]/data.json"
    traffic_peer
}

# ---------------------------------------------------------------- checks
count() { tshark -n -r "$1" -Y "$2" 2>/dev/null | wc -l; }

require() {   # require FILE LABEL FILTER
    local n
    n=$(count "$1" "$3")
    if [[ $n -eq 0 ]]; then
        echo "CHECK FAILED: $(basename "$1"): no $2 ($3)" >&2
        return 1
    fi
    printf '  ok %-28s %4d\n' "$2" "$n" >&2
}

LOCAL_ONLY='(ip && !(ip.src == 10.0.0.0/24 && (ip.dst == 10.0.0.0/24 || ip.dst == 224.0.0.0/4 || ip.dst == 255.255.255.255)))
 || (ipv6 && !((ipv6.src == fd00::/64 || ipv6.src == fe80::/10 || ipv6.src == ::)
               && (ipv6.dst == fd00::/64 || ipv6.dst == fe80::/10 || ipv6.dst == ff02::/16)))'

check_common() {
    local f=$1 fail=0 n
    require "$f" "ARP request"          'arp.opcode == 1' || fail=1
    require "$f" "ARP reply"            'arp.opcode == 2' || fail=1
    require "$f" "ICMP echo request"    'icmp.type == 8' || fail=1
    require "$f" "ICMP echo reply"      'icmp.type == 0' || fail=1
    require "$f" "ICMPv6 echo request"  'icmpv6.type == 128' || fail=1
    require "$f" "ICMPv6 echo reply"    'icmpv6.type == 129' || fail=1
    require "$f" "ICMPv6 NS"            'icmpv6.type == 135' || fail=1
    require "$f" "ICMPv6 NA"            'icmpv6.type == 136' || fail=1
    require "$f" "DNS over UDP"         'dns && udp' || fail=1
    require "$f" "HTTP request"         'http.request' || fail=1
    require "$f" "HTTP 200"             'http.response.code == 200' || fail=1
    require "$f" "HTTP 404"             'http.response.code == 404' || fail=1
    require "$f" "TCP SYN/ACK"          'tcp.flags.syn == 1 && tcp.flags.ack == 1' || fail=1
    n=$(count "$f" "$LOCAL_ONLY")
    if [[ $n -ne 0 ]]; then
        echo "CHECK FAILED: $(basename "$f"): $n packets with non-local addresses" >&2; fail=1
    else
        printf '  ok %-28s\n' "only local addresses" >&2
    fi
    return $fail
}

check_full() {
    local f=$1 fail=0
    check_common "$f" || fail=1
    require "$f" "ICMPv6 router advert."  'icmpv6.type == 134' || fail=1
    require "$f" "ICMP port unreachable"  'icmp.type == 3 && icmp.code == 3' || fail=1
    require "$f" "ICMPv6 port unreach."   'icmpv6.type == 1 && icmpv6.code == 4' || fail=1
    require "$f" "TCP RST"                'tcp.flags.reset == 1' || fail=1
    require "$f" "IPv4 fragment"          'ip.flags.mf == 1 || ip.frag_offset > 0' || fail=1
    require "$f" "IPv6 fragment"          'ipv6.fraghdr' || fail=1
    require "$f" "DNS over TCP"           'dns && tcp' || fail=1
    require "$f" "DNS NXDOMAIN"           'dns.flags.rcode == 3' || fail=1
    require "$f" "DNS AAAA"               'dns.qry.type == 28' || fail=1
    require "$f" "DNS MX"                 'dns.qry.type == 15' || fail=1
    require "$f" "DNS TXT"                'dns.qry.type == 16' || fail=1
    return $fail
}

check_file() {   # check_file FILE EXPECTED_FILETYPE EXPECTED_ENCAP KIND  (capinfos -M short names)
    local f=$1 ftype=$2 encap=$3 kind=$4 fail=0 info size
    log "checking $(basename "$f")"
    info=$(capinfos -T -r -M -t -E "$f" | cut -f2,3)
    if [[ $info != "$ftype"$'\t'"$encap" ]]; then
        echo "CHECK FAILED: $f: type/encapsulation is '$info', expected '$ftype $encap'" >&2; fail=1
    else
        printf '  ok %-28s %s\n' "file type/encapsulation" "$ftype/$encap" >&2
    fi
    size=$(stat -c %s "$f")
    if [[ $size -gt 204800 ]]; then echo "CHECK FAILED: $f is $size bytes (> 200 KB)" >&2; fail=1; fi
    case $kind in
        full)  check_full "$f" || fail=1 ;;
        mixed) check_full "$f" || fail=1
               require "$f" "packets on 2nd interface" 'frame.interface_id == 1' || fail=1 ;;
        any)   check_common "$f" || fail=1
               require "$f" "Linux cooked (SLL) header" 'sll' || fail=1 ;;
    esac
    return $fail
}

# ---------------------------------------------------------------- main
WORK=$(mktemp -d /tmp/jcap-samples.XXXXXX)
prepare_files
log "creating namespaces ${ALL_NS[*]}"
setup_topology

run_capture ethernet.pcap traffic_full \
    tcpdump -n -U -Z root -i cli0 -w "$WORK/ethernet.pcap"
run_capture ethernet-ns.pcap traffic_full \
    tcpdump -n -U -Z root --time-stamp-precision=nano -i cli0 -w "$WORK/ethernet-ns.pcap"
run_capture mixed.pcapng traffic_for_mixed \
    dumpcap -q -i cli0 -i cli1 -w "$WORK/mixed.pcapng"
run_capture any.pcap traffic_for_any \
    tcpdump -n -U -Z root -i any -y LINUX_SLL -w "$WORK/any.pcap"

fail=0
check_file "$WORK/ethernet.pcap"    pcap     ether     full  || fail=1
check_file "$WORK/ethernet-ns.pcap" nsecpcap ether     full  || fail=1
check_file "$WORK/mixed.pcapng"     pcapng   ether     mixed || fail=1
check_file "$WORK/any.pcap"         pcap     linux-sll any   || fail=1
[[ $fail -eq 0 ]] || { echo "some checks failed; sample files NOT replaced" >&2; exit 1; }

for f in ethernet.pcap ethernet-ns.pcap mixed.pcapng any.pcap; do
    install -m 0644 "$WORK/$f" "$SAMPLES_DIR/$f"
done

# ---------------------------------------------------------------- summary
echo
echo "== capinfos"
(cd "$SAMPLES_DIR" && capinfos -T -t -E -c -s -u ethernet.pcap ethernet-ns.pcap mixed.pcapng any.pcap)
for f in ethernet.pcap ethernet-ns.pcap mixed.pcapng any.pcap; do
    echo
    echo "== tshark -n -r $f -q -z io,phs"
    tshark -n -r "$SAMPLES_DIR/$f" -q -z io,phs 2>/dev/null | sed -n '/^Protocol Hierarchy/,/^====/p' | grep -v '^Filter:'
done
