#!/usr/bin/env python3
"""Writes DnsVectors.java: crafted DNS frames (Ethernet/IPv4) and the summary line tshark
4.0 prints for each (tshark -n -r on a one-frame pcap), gopacket style.

    python3 src/test/java/io/jcap/proto/dns/gen_vectors.py   # needs tshark on PATH
"""
import os, socket, struct, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return (~s) & 0xffff


def ipv4(proto, payload, src='10.0.0.1', dst='10.0.0.2'):
    s = bytes(map(int, src.split('.')))
    d = bytes(map(int, dst.split('.')))
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0, s, d)
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + payload


def udp(sp, dp, payload):
    return struct.pack('!HHHH', sp, dp, 8 + len(payload), 0) + payload


def tcp(sp, dp, payload, seq=1, ack=1):
    return struct.pack('!HHIIBBHHH', sp, dp, seq, ack, 5 << 4, 0x18, 65535, 0, 0) + payload


def eth(p):
    return bytes.fromhex('001122334455 66778899aabb 0800') + p


def name(n):
    if n in ('', '.'):
        return b'\0'
    return b''.join(bytes([len(l)]) + l for l in (x.encode() for x in n.split('.'))) + b'\0'


def hdr(id=0x1234, flags=0x0100, qd=1, an=0, ns=0, ar=0):
    return struct.pack('!HHHHHH', id, flags, qd, an, ns, ar)


def q(n, t=1, c=1):
    return (name(n) if isinstance(n, str) else n) + struct.pack('!HH', t, c)


def rr(n, t, rdata, c=1, ttl=300):
    return (name(n) if isinstance(n, str) else n) + struct.pack('!HHIH', t, c, ttl, len(rdata)) + rdata


def dns_udp(payload, sp=40000, dp=53):
    return eth(ipv4(17, udp(sp, dp, payload)))


def resp(rrs, flags=0x8180, qname='example.com', qtype=1, ns=(), ar=()):
    return dns_udp(hdr(flags=flags, an=len(rrs), ns=len(ns), ar=len(ar)) + q(qname, qtype)
                   + b''.join(rrs) + b''.join(ns) + b''.join(ar), sp=53, dp=40000)


P = b'\xc0\x0c'  # pointer to the question name


def pstr(b):
    return bytes([len(b)]) + b


def framed(m):
    return struct.pack('!H', len(m)) + m
V6 = lambda a: socket.inet_pton(socket.AF_INET6, a)


def ptr(offset):
    return struct.pack('!H', 0xc000 | offset)


def cname_chain():
    """www.espn.com CNAME redir.espn.gns.go.com CNAME other.espn.gns.go.com A 68.71.212.158,
    every name after the first compressed against an earlier one."""
    m = hdr(id=0xb10b, flags=0x8180, an=3) + q('www.espn.com')
    rdata1 = len(m) + 12                    # where the first CNAME's data starts
    m += rr(P, 5, name('redir.espn.gns.go.com'))
    espn = rdata1 + 6                       # "espn.gns.go.com" inside it
    rdata2 = len(m) + 12
    m += rr(ptr(rdata1), 5, b'\x05other' + ptr(espn))
    m += rr(ptr(rdata2), 1, bytes([68, 71, 212, 158]))
    return dns_udp(m, sp=53, dp=40000)

VECTORS = [
    ('query A', dns_udp(hdr(id=0xb10b) + q('www.espn.com'))),
    ('response A with a CNAME chain (compression)', cname_chain()),
    ('NXDOMAIN with SOA', resp([], flags=0x8183, qname='nx.example.com', ns=[
        rr(b'\xc0\x0f', 6, name('ns1.example.com') + name('hostmaster.example.com') + struct.pack('!IIIII', 2024010101, 7200, 3600, 1209600, 300))])),
    ('query with OPT, client subnet and cookie', dns_udp(hdr(id=0xbb6b, ar=1) + q('srv.jcap.test') + rr(
        '', 41, struct.pack('!HHHBB', 8, 7, 1, 24, 0) + bytes([192, 0, 2]) + struct.pack('!HH', 10, 8) + b'\x01' * 8, c=1232, ttl=0x8000))),
    ('AAAA', resp([rr(P, 28, V6('2001:db8::1'))], qtype=28)),
    ('NS', resp([rr(P, 2, name('ns1.example.com'))], qtype=2)),
    ('PTR', resp([rr(P, 12, name('host.example.com'))], qname='1.2.0.192.in-addr.arpa', qtype=12)),
    ('MX', resp([rr(P, 15, struct.pack('!H', 10) + name('mail.example.com'))], qtype=15)),
    ('TXT', resp([rr(P, 16, b'\x0bv=spf1 -all\x05hello')], qtype=16)),
    ('SOA', resp([rr(P, 6, name('ns1.example.com') + P + struct.pack('!IIIII', 1, 2, 3, 4, 5))], qtype=6)),
    ('SRV', resp([rr(P, 33, struct.pack('!HHH', 10, 60, 5060) + name('sip.example.com'))], qname='_sip._udp.example.com', qtype=33)),
    ('NAPTR', resp([rr(P, 35, struct.pack('!HH', 100, 10) + b'\x01U\x07E2U+sip' + pstr(b'!^.*$!sip:info@example.com!') + b'\x00')], qtype=35)),
    ('CAA', resp([rr(P, 257, b'\x00\x05issueletsencrypt.org')], qtype=257)),
    ('DS', resp([rr(P, 43, struct.pack('!HBB', 2371, 13, 2) + bytes(range(32)))], qtype=43)),
    ('DNSKEY', resp([rr(P, 48, struct.pack('!HBB', 257, 3, 13) + bytes(range(64)))], qtype=48)),
    ('RRSIG', resp([rr(P, 46, struct.pack('!HBBIIIH', 1, 13, 2, 300, 1700000000, 1690000000, 2371) + P + bytes(range(64)))])),
    ('NSEC', resp([rr(P, 47, name('z.example.com') + b'\x00\x06\x40\x01\x00\x00\x00\x03')], qtype=47)),
    ('NSEC3', resp([rr(P, 50, struct.pack('!BBHB', 1, 1, 10, 4) + b'\xaa\xbb\xcc\xdd' + b'\x14' + bytes(range(20)) + b'\x00\x01\x40')], qtype=50)),
    ('SVCB', resp([rr(P, 64, struct.pack('!H', 1) + name('svc.example.com') + struct.pack('!HH', 1, 3) + b'\x02h2' + struct.pack('!HHH', 3, 2, 8443))], qtype=64)),
    ('HTTPS', resp([rr(P, 65, struct.pack('!H', 1) + b'\x00' + struct.pack('!HH', 4, 4) + bytes([192, 0, 2, 1]) + struct.pack('!HH', 6, 16) + V6('2001:db8::2'))], qtype=65)),
    ('HINFO', resp([rr(P, 13, b'\x07AMD64\x00x\x05Linux')], qtype=13)),
    ('WKS', resp([rr(P, 11, bytes([192, 0, 2, 7, 6, 0x60]))], qtype=11)),
    ('A6', resp([rr(P, 38, bytes([64]) + b'\x00' * 7 + b'\x01' + name('prefix.example.com'))], qtype=38)),
    ('unknown type', resp([rr(P, 4660, b'\x01\x02\x03')], qtype=4660)),
    ('record without data', resp([rr(P, 1, b'')])),
    ('MD shows the owner name', resp([rr(P, 3, name('md.example.com'))], qtype=3)),
    ('pointer to itself', dns_udp(hdr() + b'\xc0\x0c' + struct.pack('!HH', 1, 1))),
    ('two pointers looping', dns_udp(hdr() + b'\xc0\x0e\xc0\x0c' + struct.pack('!HH', 1, 1))),
    ('pointer two bytes ahead', dns_udp(hdr() + b'\xc0\x10' + struct.pack('!HH', 1, 1) + b'\x01x\x00')),
    ('pointer out of range', dns_udp(hdr() + b'\xc3\xff' + struct.pack('!HH', 1, 1))),
    ('name too long', dns_udp(hdr() + b''.join(bytes([63]) + b'a' * 63 for _ in range(4)) + b'\x00' + struct.pack('!HH', 1, 1))),
    ('label type 0x80', dns_udp(hdr() + b'\x81a\x00' + struct.pack('!HH', 1, 1))),
    ('unknown extended label', dns_udp(hdr() + b'\x01a\x42\x00' + struct.pack('!HH', 1, 1))),
    ('root name', dns_udp(hdr(qd=1) + q('', 2))),
    ('control and UTF-8 bytes in a name', dns_udp(hdr() + b'\x08a\x01\x0a\xe5\xb0\x8f\xff\\' + b'\x00' + struct.pack('!HH', 1, 1))),
    ('huge counts', dns_udp(hdr(qd=65535, an=65535) + q('a.b'))),
    ('inverse query', dns_udp(hdr(flags=0x0800) + q('x.y'))),
    ('unknown operation', dns_udp(hdr(flags=0x1800) + q('x.y'))),
    ('dynamic update', dns_udp(hdr(flags=0x2800, qd=1, ns=1) + q('example.com', 6) + rr(P, 255, b'', c=255, ttl=0))),
    ('refused', resp([], flags=0x8185)),
    ('unknown error', resp([], flags=0x818c)),
    ('empty DSO message', dns_udp(hdr(flags=0x3000, qd=0))),
    ('mDNS questions', dns_udp(hdr(id=0, flags=0, qd=2) + q('_ipp._tcp.local', 12, 0x8001) + q('_ipps._tcp.local', 12), sp=5353, dp=5353)),
    ('mDNS answers with cache flush', dns_udp(hdr(id=0, flags=0x8400, qd=0, an=2) + rr('host.local', 1, bytes([10, 0, 0, 2]), c=0x8001)
                                            + rr('host.local', 28, V6('fe80::1'), c=0x8001), sp=5353, dp=5353)),
    ('LLMNR query', dns_udp(hdr(id=0x59b4, flags=0) + q('Joanna-PC', 255), sp=51837, dp=5355)),
    ('extraneous data', dns_udp(hdr() + q('a.b') + b'\x00' * 6)),
    ('one byte', dns_udp(b'\x01')),
    ('many answers (the Info column holds 4095 bytes)', resp([rr(P, 1, bytes([10, 0, i // 256, i % 256])) for i in range(400)])),
    ('TCP: two messages in one segment', eth(ipv4(6, tcp(40000, 53,
        framed(hdr(id=1) + q('a.example')) + framed(hdr(id=2) + q('b.example', 28)))))),
    ('TCP: one query', eth(ipv4(6, tcp(40001, 53, framed(hdr(id=3) + q('c.example')))))),
]

# snap-length cuts: (title, frame, captured bytes)
CUTS = [
    ('cut in the answer', resp([rr(P, 1, bytes([1, 2, 3, 4]))]), 70),
    ('cut in the extraneous bytes', dns_udp(hdr() + q('a.b') + b'\x00' * 20), 70),
]


def tshark_line(frame, caplen=None):
    with tempfile.NamedTemporaryFile(suffix='.pcap', delete=False) as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        cap = frame[:caplen] if caplen else frame
        f.write(struct.pack('<IIII', 1700000000, 0, len(cap), len(frame)) + cap)
    out = subprocess.run(['tshark', '-n', '-r', f.name], capture_output=True, text=True).stdout
    os.unlink(f.name)
    return out.rstrip('\n')


def java(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def chunks(h, n=100):
    return '\n                + '.join(java(h[i:i + n]) for i in range(0, len(h), n))


rows = []
for title, frame in VECTORS:
    rows.append(f'        new Vector({java(title)},\n                {chunks(frame.hex())},\n                {len(frame)}, {java(tshark_line(frame))})')
for title, frame, cap in CUTS:
    rows.append(f'        new Vector({java(title)},\n                {chunks(frame[:cap].hex())},\n                {len(frame)}, {java(tshark_line(frame, cap))})')

src = '''package io.jcap.proto.dns;

import java.util.List;

/**
 * Crafted DNS frames and the summary line tshark 4.0.17 prints for each (one-frame pcaps,
 * {@code tshark -n -r}). Generated by gen_vectors.py in this folder; edit that, not this.
 */
final class DnsVectors {
    private DnsVectors() {
    }

    /** A frame (Ethernet, {@code hex} as captured, {@code length} on the wire) and tshark's line. */
    record Vector(String title, String hex, int length, String line) {
    }

    static final List<Vector> ALL = List.of(
''' + ',\n'.join(rows) + ''');
}
'''
with open(os.path.join(HERE, 'DnsVectors.java'), 'w') as f:
    f.write(src)
print(len(rows), 'vectors')
