#!/usr/bin/env python3
"""Writes not-http.pcap: text and bytes sent where tshark 4.0 expects HTTP but that is not HTTP
(a first line that is no request or status line, a header-like line, binary bytes, text after
a response but before any request), an HTTP request sent to SSH's port, a DNS-shaped query
to NetBIOS's port 137 and text to a port whose dissector gives back what is not its own.
tshark shows HTTP only once a line looks like HTTP, and a port's own protocol before any
heuristic. The expected outputs come from tshark (make-golden.sh); this script only crafts
the frames."""
import struct, sys

CMAC, SMAC = bytes.fromhex('020000000101'), bytes.fromhex('020000000102')
C, S = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
frames = []


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ipv4(src, dst, proto, l4):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(l4), len(frames) + 1, 0x4000, 64, proto, 0, src, dst)
    h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    macs = SMAC + CMAC if src == C else CMAC + SMAC
    frames.append(macs + b'\x08\x00' + h + l4)


def tcp(client, sp, dp, seq, ack, flags, payload=b''):
    src, dst = (C, S) if client else (S, C)
    t = struct.pack('!HHIIBBHHH', sp, dp, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload
    c = csum(src + dst + struct.pack('!BBH', 0, 6, len(t)) + t)
    ipv4(src, dst, 6, t[:16] + struct.pack('!H', c) + t[18:])


def udp(sp, dp, payload):
    u = struct.pack('!HHHH', sp, dp, 8 + len(payload), 0) + payload
    c = csum(C + S + struct.pack('!BBH', 0, 17, len(u)) + u)
    ipv4(C, S, 17, u[:6] + struct.pack('!H', c or 0xffff) + u[8:])


def conversation(cport, sport, messages):
    """A handshake, then each (client?, payload) in turn."""
    cs, ss = 1000, 5000
    tcp(True, cport, sport, cs, 0, 0x02)
    tcp(False, sport, cport, ss, cs + 1, 0x12)
    tcp(True, cport, sport, cs + 1, ss + 1, 0x10)
    cs, ss = cs + 1, ss + 1
    for client, p in messages:
        if client:
            tcp(True, cport, sport, cs, ss, 0x18, p)
            cs += len(p)
        else:
            tcp(False, sport, cport, ss, cs, 0x18, p)
            ss += len(p)


conversation(40000, 80, [(True, b'hello world\r\n')])
conversation(40001, 80, [(True, b'Foo: bar\r\n\r\n')])
conversation(40002, 80, [(True, b'<?xml version="1.0"?>\r\n<a/>\r\n')])
conversation(40003, 80, [(True, b'GET / HTTP/1.1\r\nHost: a\r\n\r\n'), (True, b'hello there\r\n')])
conversation(40004, 80, [(False, b'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'), (True, b'hello again\r\n')])
conversation(40005, 80, [(True, b'  spaces: yes\r\n\r\n')])
conversation(40006, 80, [(True, b'\x01\x02binary')])
conversation(40007, 80, [(True, b'Foo: bar\r\n\r\nbody\r\n')])
conversation(40008, 80, [(True, b'\r\nhello\r\n')])
conversation(40009, 80, [(True, b'OPTIONSHTTP/1.1\nHost: www.example.com\n\n')])
conversation(40010, 22, [(True, b'GET / HTTP/1.1\r\nHost: a\r\n\r\n'), (False, b'SSH-2.0-OpenSSH_9.2\r\n')])
conversation(40011, 9999, [(True, b'x' * 40)])
udp(137, 137, bytes.fromhex('8a2d0110000100000000000020454d454245464545454646444845434143414341434143414341434143414341414100002000 01'.replace(' ', '')))

with open(sys.argv[1] if len(sys.argv) > 1 else 'not-http.pcap', 'wb') as out:
    out.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, f in enumerate(frames):
        out.write(struct.pack('<IIII', 1700000000 + i, 1000 * i, len(f), len(f)) + f)
