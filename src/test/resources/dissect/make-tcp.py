#!/usr/bin/env python3
"""Crafts the TCP test captures (Ethernet/IPv4/TCP, pcap, microsecond timestamps).

    python3 make-tcp.py OUTDIR

tcp-handshake.pcap  handshake, data with ACK RTT, PSH, FIN/FIN teardown
tcp-options.pcap    every option kind tshark decodes (and a few bad ones)
tcp-analysis.pcap   retransmission, dup ACKs, fast retransmission, out-of-order,
                    lost segment, ACKed unseen, zero window(probe), keep-alive,
                    window update/full, RST, port reuse
The expected -V texts next to them come from tshark 4.0 (tshark -n -V -r FILE).
"""
import struct
import sys

A = bytes([10, 0, 0, 1])
B = bytes([10, 0, 0, 2])


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def tcp(src, dst, sport, dport, seq, ack, flags, win=64240, opts=b'', data=b'', urg=0):
    while len(opts) % 4:
        opts += b'\0'
    hlen = 20 + len(opts)
    hdr = struct.pack('!HHIIHHHH', sport, dport, seq & 0xffffffff, ack & 0xffffffff,
                      ((hlen // 4) << 12) | flags, win, 0, urg) + opts
    seg = hdr + data
    ph = src + dst + struct.pack('!BBH', 0, 6, len(seg))
    c = csum(ph + seg)
    seg = seg[:16] + struct.pack('!H', c) + seg[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(seg), 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    eth = (b'\x02\0\0\0\0\x02' if dst == B else b'\x02\0\0\0\0\x01') + \
          (b'\x02\0\0\0\0\x01' if src == A else b'\x02\0\0\0\0\x02') + b'\x08\x00'
    return eth + ip + seg


FIN, SYN, RST, PSH, ACK, URG, ECE, CWR = 1, 2, 4, 8, 16, 32, 64, 128


def mss(v): return struct.pack('!BBH', 2, 4, v)
def ws(v): return struct.pack('!BBB', 3, 3, v)
def ts(a, b): return struct.pack('!BBII', 8, 10, a, b)
NOP = b'\x01'
SACKP = b'\x04\x02'
EOL = b'\x00'


def sack(*edges):
    return struct.pack('!BB', 5, 2 + 4 * len(edges)) + b''.join(struct.pack('!I', e) for e in edges)


def write(path, packets):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for t, p in packets:
            sec = int(t)
            usec = int(round((t - sec) * 1e6))
            f.write(struct.pack('<IIII', 1700000000 + sec, usec, len(p), len(p)))
            f.write(p)


def handshake():
    c, s = 1000, 5000
    p = []
    t = 0.0
    def add(dt, pkt):
        nonlocal t
        t += dt
        p.append((t, pkt))
    add(0, tcp(A, B, 40000, 80, c, 0, SYN, 64240, mss(1460) + SACKP + ts(100, 0) + NOP + ws(7)))
    add(0.010, tcp(B, A, 80, 40000, s, c + 1, SYN | ACK, 65160, mss(1400) + SACKP + ts(200, 100) + NOP + ws(6)))
    add(0.000250, tcp(A, B, 40000, 80, c + 1, s + 1, ACK, 502, NOP + NOP + ts(101, 200)))
    req = b'GET / HTTP/1.0\r\n' + b'X' * 40 + b'\r\n'
    add(0.001, tcp(A, B, 40000, 80, c + 1, s + 1, PSH | ACK, 502, NOP + NOP + ts(102, 200), b'\x00' * 72))
    add(0.020, tcp(B, A, 80, 40000, s + 1, c + 73, ACK, 509, NOP + NOP + ts(210, 102)))
    add(0.001, tcp(B, A, 80, 40000, s + 1, c + 73, ACK, 509, NOP + NOP + ts(211, 102), b'\x01' * 100))
    add(0.0005, tcp(B, A, 80, 40000, s + 101, c + 73, PSH | ACK, 509, NOP + NOP + ts(211, 102), b'\x02' * 50))
    add(0.002, tcp(A, B, 40000, 80, c + 73, s + 151, ACK, 500, NOP + NOP + ts(103, 211)))
    add(0.001, tcp(A, B, 40000, 80, c + 73, s + 151, FIN | ACK, 500, NOP + NOP + ts(104, 211)))
    add(0.003, tcp(B, A, 80, 40000, s + 151, c + 74, FIN | ACK, 509, NOP + NOP + ts(215, 104)))
    add(0.0001, tcp(A, B, 40000, 80, c + 74, s + 152, ACK, 500, NOP + NOP + ts(105, 215)))
    # a second stream that starts in the middle: FIN first, then its ACK
    add(0.1, tcp(A, B, 40001, 8080, 7000, 9000, FIN | ACK, 100))
    add(0.0001, tcp(B, A, 8080, 40001, 9000, 7001, ACK, 200))
    add(0.0001, tcp(B, A, 8080, 40001, 9000, 7001, FIN | ACK, 200))
    add(0.0001, tcp(A, B, 40001, 8080, 7001, 9001, ACK, 100))
    return p


def options():
    p = []
    t = 0.0
    def add(pkt):
        nonlocal t
        t += 0.001
        p.append((t, pkt))
    c, s = 100, 900
    add(tcp(A, B, 41000, 443, c, 0, SYN, 1024, mss(1460) + NOP + ws(14) + SACKP + ts(1, 0) + EOL))
    add(tcp(B, A, 443, 41000, s, c + 1, SYN | ACK, 1024, mss(536) + ws(15) + SACKP + EOL + b'\0\0'))
    add(tcp(A, B, 41000, 443, c + 1, s + 1, ACK, 1024, NOP + NOP + sack(s + 101, s + 201)))
    add(tcp(A, B, 41000, 443, c + 1, s + 1, ACK, 1024, sack(s + 101, s + 201, s + 301, s + 401, s + 501, s + 601)))
    add(tcp(A, B, 41000, 443, c + 1, s + 1, ACK, 1024, NOP + NOP + sack(s - 50, s + 1)))  # D-SACK
    add(tcp(A, B, 41104, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BBI', 6, 6, 77) + struct.pack('!BBI', 7, 6, 78)))
    add(tcp(A, B, 41105, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BBI', 11, 6, 5) + struct.pack('!BBI', 12, 6, 6)
            + struct.pack('!BBI', 13, 6, 7)))
    add(tcp(A, B, 41106, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 19, 18) + bytes(range(16)) + NOP + NOP))
    add(tcp(A, B, 41107, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BBH', 28, 4, 0x8005) + struct.pack('!BBH', 28, 4, 30)))
    add(tcp(A, B, 41108, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 34, 2) + NOP + NOP))  # TFO request
    add(tcp(A, B, 41109, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 34, 10) + bytes(range(1, 9)) + NOP + NOP))
    add(tcp(A, B, 41110, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BBH', 254, 4, 0xf989)))
    add(tcp(A, B, 41111, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BBH', 253, 6, 0x1234) + b'\xab\xcd' + NOP + NOP))
    add(tcp(A, B, 41112, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 99, 6) + b'\x01\x02\x03\x04' + NOP + NOP))
    add(tcp(A, B, 41113, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 200, 2) + NOP + NOP))
    add(tcp(A, B, 41114, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BBBB', 27, 8, 0x05, 0x10) + b'\0\0\0\0'))
    add(tcp(A, B, 41115, 443, c + 1, s + 1, ACK, 1024, mss(1200)))  # MSS on a non-SYN
    add(tcp(A, B, 41116, 443, c + 1, s + 1, ACK, 1024, EOL + b'\x01\0\0'))  # non-zero padding
    add(tcp(A, B, 41117, 443, c + 1, s + 1, ACK, 1024, NOP * 4 + ts(5, 6) + NOP + NOP))
    add(tcp(A, B, 41118, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 2, 6) + b'\0\0\0\0'))  # bad MSS length
    add(tcp(A, B, 41119, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 8, 1) + b'\0\0'))  # length < 2
    add(tcp(A, B, 41120, 443, c + 1, s + 1, ACK, 1024, struct.pack('!BB', 8, 20) + b'\0\0'))  # runs past the header
    add(tcp(A, B, 41121, 443, c + 1, s + 1, ACK, 1024, NOP + NOP + NOP + b'\x08'))  # kind without length
    add(tcp(B, A, 443, 41000, s + 1, c + 1, ACK | URG, 1024, b'', b'hello', urg=3))
    add(tcp(A, B, 41001, 443, 55, 12345, SYN | ECE | CWR, 1024, mss(1460)))  # no ACK but ack set
    add(tcp(A, B, 41002, 443, 66, 0, SYN, 1024, b'', b'', urg=9))  # no MSS, urgent pointer without URG
    return p


def analysis():
    p = []
    t = 0.0
    def add(dt, pkt):
        nonlocal t
        t += dt
        p.append((t, pkt))
    c, s = 20000, 70000
    add(0, tcp(A, B, 42000, 4999, c, 0, SYN, 8192, mss(1460)))
    add(0.050, tcp(B, A, 4999, 42000, s, c + 1, SYN | ACK, 4000, mss(1460)))
    add(0.001, tcp(A, B, 42000, 4999, c + 1, s + 1, ACK, 8192))
    add(0.001, tcp(A, B, 42000, 4999, c + 1, s + 1, PSH | ACK, 8192, b'', b'a' * 100))          # 4
    add(0.200, tcp(A, B, 42000, 4999, c + 1, s + 1, PSH | ACK, 8192, b'', b'a' * 100))          # 5 retransmission
    add(0.010, tcp(B, A, 4999, 42000, s + 1, c + 101, ACK, 4000))                              # 6 ack
    add(0.001, tcp(A, B, 42000, 4999, c + 101, s + 1, ACK, 8192, b'', b'b' * 100))             # 7
    add(0.001, tcp(A, B, 42000, 4999, c + 301, s + 1, ACK, 8192, b'', b'd' * 100))             # 8 previous not captured
    add(0.001, tcp(B, A, 4999, 42000, s + 1, c + 201, ACK, 4000))                              # 9
    add(0.001, tcp(B, A, 4999, 42000, s + 1, c + 201, ACK, 4000))                              # 10 dup ack 1
    add(0.001, tcp(B, A, 4999, 42000, s + 1, c + 201, ACK, 4000))                              # 11 dup ack 2
    add(0.001, tcp(A, B, 42000, 4999, c + 201, s + 1, ACK, 8192, b'', b'c' * 100))             # 12 fast retransmission
    add(0.0001, tcp(A, B, 42000, 4999, c + 151, s + 1, ACK, 8192, b'', b'x' * 10))             # 13 out-of-order
    add(0.010, tcp(B, A, 4999, 42000, s + 1, c + 401, ACK, 0))                                 # 14 zero window
    add(0.010, tcp(A, B, 42000, 4999, c + 401, s + 1, ACK, 8192, b'', b'z'))                   # 15 zero window probe
    add(0.010, tcp(B, A, 4999, 42000, s + 1, c + 401, ACK, 0))                                 # 16 zwp ack
    add(0.010, tcp(B, A, 4999, 42000, s + 1, c + 401, ACK, 3000))                              # 17 window update
    add(0.010, tcp(A, B, 42000, 4999, c + 400, s + 1, ACK, 8192))                              # 18 keep-alive
    add(0.010, tcp(B, A, 4999, 42000, s + 1, c + 401, ACK, 3000))                              # 19 keep-alive ack
    add(0.010, tcp(A, B, 42000, 4999, c + 401, s + 1, PSH | ACK, 8192, b'', b'w' * 3000))      # 20 window full
    add(0.010, tcp(B, A, 4999, 42000, s + 1, c + 5000, ACK, 4000))                             # 21 acked unseen
    add(0.010, tcp(A, B, 42000, 4999, c + 3401, s + 1, RST | ACK, 0))                          # 22 rst
    add(1.000, tcp(A, B, 42000, 4999, c + 99999, 0, SYN, 8192, mss(1460)))                     # 23 port reuse
    add(0.010, tcp(B, A, 4999, 42000, s + 5555, c + 100000, SYN | ACK, 4000, mss(1460)))
    add(0.010, tcp(A, B, 42000, 4999, c + 100000, s + 5556, ACK, 8192))
    return p


def reassembly():
    c, s = 3000, 8000
    p = []
    t = 0.0
    def add(dt, pkt):
        nonlocal t
        t += dt
        p.append((t, pkt))
    add(0, tcp(A, B, 43000, 80, c, 0, SYN, 64240, mss(1460)))
    add(0.002, tcp(B, A, 80, 43000, s, c + 1, SYN | ACK, 64240, mss(1460)))
    add(0.0002, tcp(A, B, 43000, 80, c + 1, s + 1, ACK, 64240))
    req1 = b'GET /index.html HTTP/1.1\r\nHost: example'
    req2 = b'.com\r\nUser-Agent: test\r\n\r\n'
    add(0.001, tcp(A, B, 43000, 80, c + 1, s + 1, ACK, 64240, b'', req1))
    add(0.001, tcp(A, B, 43000, 80, c + 1 + len(req1), s + 1, PSH | ACK, 64240, b'', req2))
    n = len(req1) + len(req2)
    add(0.003, tcp(B, A, 80, 43000, s + 1, c + 1 + n, ACK, 64240))
    body = b'x' * 150
    resp = b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 150\r\n\r\n' + body
    parts = [resp[:40], resp[40:120], resp[120:]]
    off = 0
    for i, part in enumerate(parts):
        add(0.001, tcp(B, A, 80, 43000, s + 1 + off, c + 1 + n, (PSH | ACK) if i == 2 else ACK, 64240, b'', part))
        off += len(part)
    add(0.002, tcp(A, B, 43000, 80, c + 1 + n, s + 1 + off, ACK, 64240))
    # the first response segment again: a retransmission of a segment of a known PDU
    add(0.2, tcp(B, A, 80, 43000, s + 1, c + 1 + n, ACK, 64240, b'', parts[0]))
    return p


if __name__ == '__main__':
    out = sys.argv[1] if len(sys.argv) > 1 else '.'
    write(out + '/tcp-handshake.pcap', handshake())
    write(out + '/tcp-options.pcap', options())
    write(out + '/tcp-analysis.pcap', analysis())
    write(out + '/tcp-reassembly.pcap', reassembly())
