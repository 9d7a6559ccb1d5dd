#!/usr/bin/env python3
"""Writes dns.pcap (crafted DNS, mDNS and LLMNR messages: every RR type the DNS dissector
shows, EDNS options, a TCP message, and hostile names) dns.fields.tshark.txt (tshark -T fields with FIELDS) and dns.tshark.txt: the DNS, MDNS and
LLMNR items that tshark -n -V (4.0) prints for each frame, cut as DnsTreeTest cuts jcap's.

    cd src/test/resources/dissect && python3 make_dns.py    # needs tshark on PATH
"""
import struct, subprocess

LAYERS = ('Domain Name System', 'Multicast Domain Name System', 'Link-local Multicast Name Resolution')


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return (~s) & 0xffff


def ipv4(proto, payload, src, dst):
    s = bytes(map(int, src.split('.')))
    d = bytes(map(int, dst.split('.')))
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0, s, d)
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + payload


def udp(sp, dp, payload):
    return struct.pack('!HHHH', sp, dp, 8 + len(payload), 0) + payload


def tcp(sp, dp, payload):
    return struct.pack('!HHIIBBHHH', sp, dp, 1, 1, 5 << 4, 0x18, 65535, 0, 0) + payload


def eth(p):
    return bytes.fromhex('001122334455 66778899aabb 0800') + p


def name(n):
    if n == '':
        return b'\0'
    return b''.join(bytes([len(l)]) + l.encode() for l in n.split('.')) + b'\0'


def header(ident, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack('!HHHHHH', ident, flags, qd, an, ns, ar)


def q(n, t, c=1):
    return name(n) + struct.pack('!HH', t, c)


def rr(n, t, data, c=1, ttl=3600):
    owner = n if isinstance(n, bytes) else name(n)
    return owner + struct.pack('!HHIH', t, c, ttl, len(data)) + data


def opt(options=b'', size=1232, z=0x8000):
    return b'\0' + struct.pack('!HHBBHH', 41, size, 0, 0, z, len(options)) + options


def ednsopt(code, data):
    return struct.pack('!HH', code, len(data)) + data


SRV, CLI = '10.0.0.53', '10.0.0.2'
frames = []  # (seconds, frame bytes)
t = [1700000000.0]


def add(payload, sp=40000, dp=53, src=CLI, dst=SRV, dt=0.010):
    t[0] += dt
    frames.append((t[0], eth(ipv4(17, udp(sp, dp, payload), src, dst))))


def pair(ident, qname, qtype, answers=(), authority=(), additional=(), rflags=0x8180, qflags=0x0120):
    add(header(ident, qflags, 1, 0, 0, 1) + q(qname, qtype) + opt())
    add(header(ident, rflags, 1, len(answers), len(authority), len(additional)) + q(qname, qtype)
        + b''.join(answers) + b''.join(authority) + b''.join(additional), sp=53, dp=40000, src=SRV, dst=CLI,
        dt=0.0015)


N = 'srv.jcap.test'
pair(1, N, 1, [rr(N, 1, bytes([10, 0, 0, 2]))], [], [opt(ednsopt(8, bytes.fromhex('0001180a000a')) +
     ednsopt(10, bytes.fromhex('0102030405060708') + bytes.fromhex('1112131415161718')) + ednsopt(12, bytes(4)))])
pair(2, N, 28, [rr(N, 28, bytes.fromhex('20010db8000000000000000000000002'))])
pair(3, 'www.jcap.test', 5, [rr('www.jcap.test', 5, name(N)), rr(N, 1, bytes([10, 0, 0, 3]), ttl=86400 + 3661)])
pair(4, 'jcap.test', 2, [rr('jcap.test', 2, name('ns1.jcap.test')), rr('jcap.test', 2, name('ns2.jcap.test'))])
pair(5, '2.0.0.10.in-addr.arpa', 12, [rr('2.0.0.10.in-addr.arpa', 12, name(N))])
pair(6, 'jcap.test', 15, [rr('jcap.test', 15, struct.pack('!H', 10) + name('mail.jcap.test'))])
pair(7, 'jcap.test', 16, [rr('jcap.test', 16, b'\x0bhello world\x05v=ok1')])
pair(8, 'nx.jcap.test', 1, [], [rr('jcap.test', 6, name('ns1.jcap.test') + name('admin.jcap.test') +
     struct.pack('!IIIII', 2024010101, 7200, 900, 1209600, 300), ttl=300)], [], rflags=0x8183)
pair(9, '_sip._tcp.jcap.test', 33, [rr('_sip._tcp.jcap.test', 33, struct.pack('!HHH', 10, 60, 5060) + name(N))])
pair(10, 'jcap.test', 35, [rr('jcap.test', 35, struct.pack('!HH', 100, 10) + b'\x01S\x07SIP+D2U\x00' +
     name('_sip._udp.jcap.test'))])
pair(11, 'jcap.test', 257, [rr('jcap.test', 257, b'\x80\x05issueca.jcap.test')])
pair(12, 'jcap.test', 43, [rr('jcap.test', 43, struct.pack('!HBB', 12345, 13, 2) + bytes(range(32)))])
pair(13, 'jcap.test', 48, [rr('jcap.test', 48, struct.pack('!HBB', 257, 3, 13) + bytes(range(64)))],
     rflags=0x81a0)
pair(14, 'jcap.test', 46, [rr('jcap.test', 46, struct.pack('!HBBIIIH', 1, 13, 2, 3600, 1735689600, 1733097600,
     12345) + name('jcap.test') + bytes(range(64)))], qflags=0x0130)
pair(15, 'a.jcap.test', 47, [rr('a.jcap.test', 47, name('b.jcap.test') + bytes([0, 6, 0x40, 0, 0, 0, 0, 3]))])
pair(16, 'jcap.test', 50, [rr('jcap.test', 50, bytes([1, 1]) + struct.pack('!H', 10) + b'\x04\xaa\xbb\xcc\xdd' +
     b'\x14' + bytes(range(20)) + bytes([0, 2, 0x60, 0]))])
pair(17, 'jcap.test', 64, [rr('jcap.test', 64, struct.pack('!H', 1) + name('svc.jcap.test') +
     struct.pack('!HH', 1, 6) + b'\x02h2\x02h3' + struct.pack('!HHH', 3, 2, 8443) +
     struct.pack('!HH', 4, 8) + bytes([10, 0, 0, 5, 10, 0, 0, 6]))])
pair(18, 'jcap.test', 65, [rr('jcap.test', 65, struct.pack('!H', 1) + b'\x00' +
     struct.pack('!HH', 1, 3) + b'\x02h3' + struct.pack('!HH', 6, 16) +
     bytes.fromhex('20010db8000000000000000000000005'))])
# a retransmitted query, and a response nobody asked for
add(header(19, 0x0100, 1) + q(N, 1))
add(header(19, 0x0100, 1) + q(N, 1), dt=0.5)
add(header(20, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2])), sp=53, dp=40001, src=SRV, dst=CLI)
# mDNS: a QU question, then answers with cache flush and an NSEC
add(header(0, 0, 1) + q('printer.local', 1, 0x8001), sp=5353, dp=5353, src=CLI, dst='224.0.0.251')
add(header(0, 0x8400, 0, 1, 0, 1) + rr('printer.local', 1, bytes([10, 0, 0, 7]), c=0x8001, ttl=120) +
    rr('printer.local', 47, name('printer.local') + bytes([0, 1, 0x40]), c=0x8001, ttl=120),
    sp=5353, dp=5353, src='10.0.0.7', dst='224.0.0.251')
# LLMNR query and response
add(header(0x4242, 0, 1) + q('wpad', 1), sp=50000, dp=5355, src=CLI, dst='224.0.0.252')
add(header(0x4242, 0x8000, 1, 1) + q('wpad', 1) + rr('wpad', 1, bytes([10, 0, 0, 9]), ttl=30), sp=5355,
    dp=50000, src='10.0.0.9', dst=CLI)
# DNS over TCP (one message with its length)
msg = header(21, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2]))
t[0] += 0.01
frames.append((t[0], eth(ipv4(6, tcp(53, 40002, struct.pack('!H', len(msg)) + msg), SRV, CLI))))
# hostile names: a pointer to itself, two pointers that point at each other, a pointer past the end
add(header(22, 0x8180, 1, 1) + q(N, 1) + b'\xc0\x1f' + struct.pack('!HHIH', 1, 1, 60, 4) + bytes(4),
    sp=53, dp=40003, src=SRV, dst=CLI)
add(header(23, 0x8180, 1, 1) + q(N, 1) + b'\xc0\x21\xc0\x1f' + struct.pack('!HHIH', 1, 1, 60, 4) + bytes(4),
    sp=53, dp=40004, src=SRV, dst=CLI)
add(header(24, 0x8180, 1, 1) + q(N, 1) + b'\xc1\xff' + struct.pack('!HHIH', 1, 1, 60, 4) + bytes(4),
    sp=53, dp=40005, src=SRV, dst=CLI)
# a response cut short in its answer
add((header(25, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2])))[:-3], sp=53, dp=40006, src=SRV,
    dst=CLI)

# more types: LOC, HINFO, WKS, KEY, DNAME, TSIG, URI (not decoded: an expert note), more EDNS options
pair(26, 'jcap.test', 29, [rr('jcap.test', 29, bytes([0, 0x12, 0x16, 0x13]) +
     struct.pack('!III', 0x8905f350, 0x9a2d5d00, 10000000 + 1250))])
pair(27, 'jcap.test', 13, [rr('jcap.test', 13, b'\x05ARM64\x05Linux')])
pair(28, 'jcap.test', 11, [rr('jcap.test', 11, bytes([10, 0, 0, 1, 6, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0x10]))])
pair(29, 'jcap.test', 25, [rr('jcap.test', 25, struct.pack('!HBB', 0x0100, 3, 5) + bytes(range(40)))])
pair(30, 'old.jcap.test', 39, [rr('old.jcap.test', 39, name('new.jcap.test'))])
pair(31, 'jcap.test', 256, [rr('jcap.test', 256, struct.pack('!HH', 10, 1) + b'https://jcap.test/')])
pair(32, 'jcap.test', 1, [rr('jcap.test', 1, bytes([10, 0, 0, 4]))], [], [
     rr('key.jcap.test', 250, name('hmac-sha256') + struct.pack('!HIH', 0, 1700000000, 300) +
        struct.pack('!H', 4) + b'\x01\x02\x03\x04' + struct.pack('!HHH', 32, 0, 0), c=255, ttl=0),
     opt(ednsopt(13, name('jcap.test')) + ednsopt(11, struct.pack('!H', 600)) + ednsopt(14, b'\x01\x02') +
         ednsopt(5, bytes([8, 13])) + ednsopt(3, b''), z=0)])
# a dynamic update (zone, prerequisites and updates) and its refusal
add(header(33, 0x2800, 1, 1, 1, 0) + q('jcap.test', 6) + rr('host.jcap.test', 255, b'', c=255, ttl=0) +
    rr('host.jcap.test', 1, bytes([10, 0, 0, 8])))
add(header(33, 0xa805, 1, 0, 0, 0) + q('jcap.test', 6), sp=53, dp=40000, src=SRV, dst=CLI, dt=0.002)

# a response in two IPv4 fragments: its records come from the reassembled datagram
big = header(34, 0x8180, 1, 1) + q('jcap.test', 48) + rr('jcap.test', 48, struct.pack('!HBB', 257, 3, 8) +
                                                      bytes((i * 7) & 0xff for i in range(160)))
dgram = udp(53, 40007, big)
s_, d_ = bytes(map(int, SRV.split('.'))), bytes(map(int, CLI.split('.')))
for off, chunk, more in ((0, dgram[:120], 1), (120, dgram[120:], 0)):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(chunk), 77, (more << 13) | (off // 8), 64, 17, 0, s_, d_)
    t[0] += 0.001
    frames.append((t[0], eth(h[:10] + struct.pack('!H', csum(h)) + h[12:] + chunk)))

# a string with bytes after its NUL, and bytes after the last record
pair(35, 'jcap.test', 13, [rr('jcap.test', 13, b'\x07AMD64\x00x\x05Linux')])
add(header(36, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2])) + bytes(5), sp=53, dp=40008, src=SRV,
    dst=CLI)

# odd headers and records: a TTL with its top bit, LLMNR conflict and tentative bits, mDNS TXT in
# UTF-8 with an mDNS OPT, unknown opcode and reply code, A and AAAA of the wrong sizes, NOTIFY,
# status, a DSO keepalive, a query with Z, AD and CD set, classes CH and 0
add(header(37, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2]), ttl=0x80000001), sp=53, dp=40010,
    src=SRV, dst=CLI)
add(header(0x11, 0x0500, 1) + q('wpad', 1), sp=50001, dp=5355, src=CLI, dst='224.0.0.252')
add(header(0x11, 0x8500, 1, 1) + q('wpad', 1) + rr('wpad', 1, bytes([10, 0, 0, 9])), sp=5355, dp=50001,
    src='10.0.0.9', dst=CLI)
add(header(0, 0x8400, 0, 1, 0, 1) + rr(b'\x05caf\xc3\xa9\x05_http\x04_tcp\x05local\x00', 16,
    b'\x0bpath=/\xc3\xa9t\xc3\xa9', c=0x8001, ttl=4500) + opt(ednsopt(4, bytes(8)), size=1440, z=0x1194),
    sp=5353, dp=5353, src='10.0.0.7', dst='224.0.0.251')
add(header(38, 0xf80f, 1) + q(N, 1), sp=53, dp=40011, src=SRV, dst=CLI)
add(header(39, 0x8180, 1, 2) + q(N, 1) + rr(N, 1, bytes(6)) + rr(N, 28, bytes(4)), sp=53, dp=40012, src=SRV,
    dst=CLI)
add(header(40, 0x2000, 1) + q(N, 6), sp=40013, dp=53)
add(header(41, 0x1000, 0), sp=40014, dp=53)
add(header(42, 0x3000, 0) + struct.pack('!HHII', 1, 8, 15000, 30000), sp=40015, dp=53)
add(header(43, 0x0170, 1) + q(N, 1), sp=40016, dp=53)
add(header(44, 0x8180, 1, 2) + q(N, 16, 3) + rr(N, 16, b'\x03abc', c=3) + rr(N, 99, b'\x02xy', c=0), sp=53,
    dp=40017, src=SRV, dst=CLI)

# one TCP segment, three messages: a pointer past the end (marked, then the next message),
# a good one, and one cut short
m1 = header(45, 0x8180, 1, 1) + q(N, 1) + b'\xc1\xff' + struct.pack('!HHIH', 1, 1, 60, 4) + bytes(4)
m2 = header(46, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2]))
m3 = header(47, 0x8180, 1, 1) + q(N, 1) + rr(N, 1, bytes([10, 0, 0, 2]))[:-2]
t[0] += 0.01
frames.append((t[0], eth(ipv4(6, tcp(53, 40018, b''.join(struct.pack('!H', len(m)) + m for m in (m1, m2, m3))),
                               SRV, CLI))))

with open('dns.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for ts, b in frames:
        sec = int(ts)
        f.write(struct.pack('<IIII', sec, int(round((ts - sec) * 1e6)), len(b), len(b)) + b)

out = subprocess.run(['tshark', '-n', '-V', '-r', 'dns.pcap'], capture_output=True, check=True).stdout.decode()
lines, frame, inside = [], 0, False
for line in out.split('\n'):
    if line.startswith('Frame ') and ':' in line:
        frame += 1
        lines.append('=== frame %d' % frame)
        inside = False
        continue
    if line and not line.startswith(' '):
        inside = line.startswith(LAYERS) or line.startswith('[Malformed') or line.startswith('[Packet size')
    if inside and line:
        lines.append(line)
with open('dns.tshark.txt', 'w') as f:
    f.write('\n'.join(lines) + '\n')

FIELDS = ('dns.id dns.flags.response dns.flags.opcode dns.flags.rcode dns.count.queries dns.count.answers '
          'dns.qry.name dns.qry.type dns.resp.name dns.resp.type dns.resp.ttl dns.a dns.aaaa dns.cname '
          'dns.response_in dns.response_to dns.time dns.retransmit_request_in dns.unsolicited').split()
args = ['tshark', '-n', '-r', 'dns.pcap', '-T', 'fields', '-E', 'occurrence=a', '-E', 'separator=|']
for fld in FIELDS:
    args += ['-e', fld]
with open('dns.fields.tshark.txt', 'w') as f:
    f.write(subprocess.run(args, capture_output=True, check=True).stdout.decode())
