#!/usr/bin/env python3
"""Builds a large capture from the project's real traffic (samples/ethernet.pcap).

The sample is replayed N times with shifted time stamps; each copy gets its own IPv4
and IPv6 host bytes so that TCP/UDP conversations stay distinct (checksums are not
fixed up: neither tshark nor jcap verifies them by default).

  python3 bench/make-capture.py PACKETS OUT.pcap
"""
import struct, sys

def read_pcap(path):
    data = open(path, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    assert magic == 0xa1b2c3d4, 'expects a little-endian microsecond pcap'
    header, pos, records = data[:24], 24, []
    while pos + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack('<IIII', data[pos:pos + 16])
        records.append((sec, usec, orig, bytearray(data[pos + 16:pos + 16 + incl])))
        pos += 16 + incl
    return header, records

def retag(pkt, copy):
    """Rewrites two middle bytes of every IPv4 and IPv6 host address: 10.hi.lo.x, and the
    second group of IPv6 addresses, leaving the host part and the headers alone."""
    if len(pkt) < 14:
        return pkt
    etype = struct.unpack('>H', pkt[12:14])[0]
    hi, lo = (copy >> 8) & 0xff, copy & 0xff
    if etype == 0x0800 and len(pkt) >= 34:
        pkt[27], pkt[28] = hi, lo     # source 10.hi.lo.x (bytes 26-29)
        pkt[31], pkt[32] = hi, lo     # destination (bytes 30-33)
    elif etype == 0x86dd and len(pkt) >= 54:
        pkt[24], pkt[25] = hi, lo     # source's second group (bytes 22-37)
        pkt[40], pkt[41] = hi, lo     # destination's (bytes 38-53)
    return pkt

def main():
    total, out = int(sys.argv[1]), sys.argv[2]
    header, records = read_pcap(sys.argv[3] if len(sys.argv) > 3 else 'samples/ethernet.pcap')
    first = records[0][0] * 1_000_000 + records[0][1]
    span = records[-1][0] * 1_000_000 + records[-1][1] - first + 1000
    with open(out, 'wb') as f:
        f.write(header)
        n = copy = 0
        while n < total:
            for sec, usec, orig, pkt in records:
                if n == total:
                    break
                t = sec * 1_000_000 + usec + copy * span
                body = retag(bytearray(pkt), copy)
                f.write(struct.pack('<IIII', t // 1_000_000, t % 1_000_000, len(body), orig))
                f.write(body)
                n += 1
            copy += 1

if __name__ == '__main__':
    main()
