#!/usr/bin/env python3
"""Writes analysis.pcap: one scripted TCP conversation (10.0.0.1:40000 -> 10.0.0.2:9999, a port no dissector claims)
whose segments raise each of tshark's TCP analysis flags once or more: retransmission,
fast and spurious retransmission, duplicate ACK, out-of-order, previous segment not
captured, ACKed unseen segment, zero window, zero-window probe (and its ACK), window
full, window update, keep-alive and keep-alive ACK, port numbers reused. The expected
outputs come from tshark (make-golden.sh); this script only crafts the frames."""
import struct, sys

C, S = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
CMAC, SMAC = bytes.fromhex('020000000101'), bytes.fromhex('020000000102')
CISN, SISN = 1000, 5000
frames = []
t = [0.0]


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def seg(client, seq, ack, flags, win, payload=b'', dt=0.001, sport=40000, isn=None):
    t[0] += dt
    src, dst = (C, S) if client else (S, C)
    sp, dp = (sport, 9999) if client else (9999, sport)
    base = (CISN if client else SISN) if isn is None else isn
    other = (SISN if client else CISN)
    raw_seq = (base + seq) & 0xffffffff
    raw_ack = (other + ack) & 0xffffffff if 'A' in flags else 0
    fl = sum(v for k, v in dict(F=1, S=2, R=4, P=8, A=16).items() if k in flags)
    tcp = struct.pack('!HHIIBBHHH', sp, dp, raw_seq, raw_ack, 5 << 4, fl, win, 0, 0) + payload
    pseudo = src + dst + struct.pack('!BBH', 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack('!H', csum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), len(frames) + 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    eth = (SMAC + CMAC if client else CMAC + SMAC) + b'\x08\x00'
    frames.append((t[0], eth + ip + tcp))


D = b'x' * 100
seg(True, 0, 0, 'S', 64240)                 # 1 SYN
seg(False, 0, 1, 'SA', 65535)               # 2 SYN/ACK
seg(True, 1, 1, 'A', 64240)                 # 3
seg(True, 1, 1, 'PA', 64240, D)             # 4 data 1-100
seg(False, 1, 101, 'A', 65535)              # 5
seg(True, 101, 1, 'PA', 64240, D)           # 6 data 101-200
seg(True, 101, 1, 'PA', 64240, D, dt=0.3)   # 7 retransmission
seg(False, 1, 201, 'A', 65535)              # 8
seg(True, 201, 1, 'PA', 64240, D)           # 9 data 201-300 (lost)
seg(True, 301, 1, 'PA', 64240, D)           # 10 data 301-400
seg(False, 1, 201, 'A', 65535)              # 11 dup ack
seg(False, 1, 201, 'A', 65535)              # 12 dup ack
seg(False, 1, 201, 'A', 65535)              # 13 dup ack
seg(True, 201, 1, 'PA', 64240, D)           # 14 fast retransmission
seg(False, 1, 401, 'A', 65535)              # 15
seg(True, 101, 1, 'PA', 64240, D, dt=0.3)   # 16 spurious retransmission
seg(True, 501, 1, 'PA', 64240, D, dt=0.3)   # 17 previous segment not captured
seg(True, 401, 1, 'PA', 64240, D, dt=0.0005)  # 18 out-of-order
seg(False, 1, 601, 'A', 65535)              # 19
seg(False, 1, 801, 'A', 65535)              # 20 ACKed unseen segment
seg(True, 601, 1, 'PA', 64240, D)           # 21 data 601-700
seg(False, 1, 701, 'A', 0)                  # 22 zero window
seg(True, 701, 1, 'A', 64240, b'y', dt=0.2)  # 23 zero-window probe
seg(False, 1, 701, 'A', 0)                  # 24 zero-window probe ACK
seg(False, 1, 701, 'A', 200)                # 25 window update
seg(True, 701, 1, 'PA', 64240, D)           # 26
seg(True, 801, 1, 'PA', 64240, D)           # 27 window full (200 bytes in flight)
seg(False, 1, 901, 'A', 65535)              # 28
seg(True, 900, 1, 'A', 64240, dt=1.0)       # 29 keep-alive
seg(False, 1, 901, 'A', 65535)              # 30 keep-alive ACK
seg(True, 901, 1, 'FA', 64240)              # 31 FIN
seg(False, 1, 902, 'FA', 65535)             # 32 FIN
seg(True, 902, 2, 'A', 64240)               # 33
seg(True, 0, 0, 'S', 64240, dt=2.0, isn=777777)  # 34 port numbers reused
seg(False, 0, 1, 'RA', 0, isn=0)            # 35 RST

with open(sys.argv[1] if len(sys.argv) > 1 else 'analysis.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for ts, p in frames:
        sec = 1700000000 + int(ts)
        f.write(struct.pack('<IIII', sec, int(round((ts % 1) * 1e6)), len(p), len(p)) + p)
