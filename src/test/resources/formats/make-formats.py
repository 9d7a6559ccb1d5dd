#!/usr/bin/env python3
"""Generate small crafted capture files covering every capture-file variant
the jcap reader must handle (good and bad).

Standard library only, fully deterministic (no randomness, no current time):
running it twice produces byte-identical files.

Input : the first 6 packets of <repo>/samples/ethernet.pcap (classic pcap,
        little-endian, microsecond, Ethernet).
Output: files in the directory containing this script (or argv[1]).

See README.md next to this script for what each file tests.
"""

import gzip
import hashlib
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SOURCE = os.path.join(REPO, "samples", "ethernet.pcap")
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE
NPKTS = 6

LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_USER0 = 147


# --------------------------------------------------------------------------
# Reading the source capture
# --------------------------------------------------------------------------

class Pkt:
    def __init__(self, sec, usec, orig_len, data):
        self.sec = sec
        self.usec = usec
        self.orig_len = orig_len
        self.data = data

    @property
    def us(self):
        """Timestamp as an integer number of microseconds since the epoch."""
        return self.sec * 1000000 + self.usec


def read_source(path, n):
    with open(path, "rb") as f:
        buf = f.read()
    magic = buf[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        e = "<"
    elif magic == b"\xa1\xb2\xc3\xd4":
        e = ">"
    else:
        raise SystemExit("%s: not a microsecond classic pcap" % path)
    _, vmaj, vmin, _zone, _sigfigs, snaplen, linktype = struct.unpack(
        e + "IHHiIII", buf[:24])
    assert linktype == LINKTYPE_ETHERNET, linktype
    pkts = []
    off = 24
    while len(pkts) < n:
        sec, usec, incl, orig = struct.unpack(e + "IIII", buf[off:off + 16])
        off += 16
        pkts.append(Pkt(sec, usec, orig, buf[off:off + incl]))
        off += incl
    return snaplen, pkts


SNAPLEN, PKTS = read_source(SOURCE, NPKTS)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


# --------------------------------------------------------------------------
# Classic pcap
# --------------------------------------------------------------------------

MAGIC_US = 0xA1B2C3D4
MAGIC_NS = 0xA1B23C4D


def pcap_header(e, magic=MAGIC_US, snaplen=None, linktype=LINKTYPE_ETHERNET):
    if snaplen is None:
        snaplen = SNAPLEN
    return struct.pack(e + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype)


def pcap_record(e, p, ns=False, incl_len=None):
    if ns:
        frac = p.usec * 1000
    else:
        frac = p.usec
    if incl_len is None:
        incl_len = len(p.data)
    return struct.pack(e + "IIII", p.sec, frac, incl_len, p.orig_len) + p.data


def pcap_file(e, ns=False, pkts=PKTS, **hdr):
    magic = MAGIC_NS if ns else MAGIC_US
    out = pcap_header(e, magic=magic, **hdr)
    for p in pkts:
        out += pcap_record(e, p, ns=ns)
    return out


# --------------------------------------------------------------------------
# pcapng
# --------------------------------------------------------------------------

BT_SHB = 0x0A0D0D0A
BT_IDB = 0x00000001
BT_PB = 0x00000002       # obsolete Packet Block
BT_SPB = 0x00000003
BT_NRB = 0x00000004
BT_ISB = 0x00000005
BT_EPB = 0x00000006
BT_DSB = 0x0000000A
BT_CB_COPY = 0x00000BAD  # custom block, may be copied
BT_UNKNOWN = 0x12345678


def pad4(b):
    return b + b"\0" * ((-len(b)) % 4)


def options(e, opts):
    """opts: list of (code, bytes). Returns encoded options incl. opt_endofopt,
    or b'' if there are no options."""
    if not opts:
        return b""
    out = b""
    for code, val in opts:
        out += struct.pack(e + "HH", code, len(val)) + pad4(val)
    return out + struct.pack(e + "HH", 0, 0)


def block(e, btype, body, trailer_len=None):
    total = 12 + len(body)
    assert total % 4 == 0, (btype, total)
    if trailer_len is None:
        trailer_len = total
    return struct.pack(e + "II", btype, total) + body + struct.pack(e + "I", trailer_len)


def shb(e, opts=()):
    body = struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1) + options(e, list(opts))
    return block(e, BT_SHB, body)


def idb(e, linktype=LINKTYPE_ETHERNET, snaplen=None, opts=()):
    if snaplen is None:
        snaplen = SNAPLEN
    body = struct.pack(e + "HHI", linktype, 0, snaplen) + options(e, list(opts))
    return block(e, BT_IDB, body)


def split_ts(e, ts):
    return struct.pack(e + "II", (ts >> 32) & 0xFFFFFFFF, ts & 0xFFFFFFFF)


def epb(e, p, ts, ifid=0, opts=(), trailer_len=None):
    body = (struct.pack(e + "I", ifid) + split_ts(e, ts)
            + struct.pack(e + "II", len(p.data), p.orig_len)
            + pad4(p.data) + options(e, list(opts)))
    return block(e, BT_EPB, body, trailer_len=trailer_len)


def spb(e, p):
    body = struct.pack(e + "I", p.orig_len) + pad4(p.data)
    return block(e, BT_SPB, body)


def opb(e, p, ts, ifid=0, drops=0):
    body = (struct.pack(e + "HH", ifid, drops) + split_ts(e, ts)
            + struct.pack(e + "II", len(p.data), p.orig_len) + pad4(p.data))
    return block(e, BT_PB, body)


def nrb(e):
    # One IPv4 record and one IPv6 record, for addresses that do NOT appear in
    # the packets (so the summary must be unchanged), then nrb_record_end.
    recs = b""
    v4 = bytes([192, 0, 2, 1]) + b"nrb-v4.example\0"
    recs += struct.pack(e + "HH", 1, len(v4)) + pad4(v4)
    v6 = bytes.fromhex("20010db8000000000000000000000001") + b"nrb-v6.example\0"
    recs += struct.pack(e + "HH", 2, len(v6)) + pad4(v6)
    recs += struct.pack(e + "HH", 0, 0)
    return block(e, BT_NRB, recs)


def isb(e, ts, ifid=0):
    opts = [
        (2, split_ts(e, ts)),               # isb_starttime
        (3, split_ts(e, ts)),               # isb_endtime
        (4, struct.pack(e + "Q", 3)),       # isb_ifrecv
        (5, struct.pack(e + "Q", 0)),       # isb_ifdrop
    ]
    body = struct.pack(e + "I", ifid) + split_ts(e, ts) + options(e, opts)
    return block(e, BT_ISB, body)


def dsb(e):
    secrets = b"CLIENT_RANDOM " + b"00" * 32 + b" " + b"11" * 48 + b"\n"
    body = struct.pack(e + "II", 0x544C534B, len(secrets)) + pad4(secrets)
    return block(e, BT_DSB, body)


def custom_block(e):
    # PEN 32473 (IANA "example" enterprise number) + opaque data.
    body = struct.pack(e + "I", 32473) + pad4(b"jcap custom block data")
    return block(e, BT_CB_COPY, body)


def unknown_block(e):
    return block(e, BT_UNKNOWN, b"\x01\x02\x03\x04" * 4)


def us_ts(p):
    return p.us


def pcapng_simple(e, ts=us_ts, idb_opts=(), pkts=PKTS):
    out = shb(e) + idb(e, opts=idb_opts)
    for p in pkts:
        out += epb(e, p, ts(p))
    return out


def tsresol_opt(v):
    return (9, bytes([v]))


# --------------------------------------------------------------------------
# Build everything
# --------------------------------------------------------------------------

def main():
    files = {}

    # ---- classic pcap, four magic / byte-order combinations -------------
    files["pcap-le-us.pcap"] = pcap_file("<")
    files["pcap-be-us.pcap"] = pcap_file(">")
    files["pcap-le-ns.pcap"] = pcap_file("<", ns=True)
    files["pcap-be-ns.pcap"] = pcap_file(">", ns=True)

    # ---- pcapng basic ---------------------------------------------------
    files["pcapng-le.pcapng"] = pcapng_simple("<")
    files["pcapng-be.pcapng"] = pcapng_simple(">")

    # ---- two sections, LE then BE ---------------------------------------
    # Section 2 has two interfaces: #0 is LINKTYPE_RAW (so a reader that
    # ignores the interface id, or numbers interfaces globally across
    # sections, decodes the packets wrongly), #1 is Ethernet and carries the
    # packets.
    s = shb("<") + idb("<")
    for p in PKTS[:3]:
        s += epb("<", p, p.us)
    s += shb(">") + idb(">", linktype=LINKTYPE_RAW, snaplen=65535) + idb(">")
    for p in PKTS[3:]:
        s += epb(">", p, p.us, ifid=1)
    files["pcapng-sections.pcapng"] = s

    # ---- timestamp resolutions / offset ---------------------------------
    # Values are truncated (floored) from the microsecond source timestamps.
    files["pcapng-tsresol-ms.pcapng"] = pcapng_simple(
        "<", ts=lambda p: p.us // 1000, idb_opts=[tsresol_opt(3)])
    files["pcapng-tsresol-ns.pcapng"] = pcapng_simple(
        "<", ts=lambda p: p.us * 1000, idb_opts=[tsresol_opt(9)])
    files["pcapng-tsresol-bin.pcapng"] = pcapng_simple(
        "<", ts=lambda p: (p.us << 20) // 1000000, idb_opts=[tsresol_opt(0x94)])
    files["pcapng-tsresol-4.pcapng"] = pcapng_simple(
        "<", ts=lambda p: p.us // 100, idb_opts=[tsresol_opt(4)])
    files["pcapng-tsoffset.pcapng"] = pcapng_simple(
        "<", ts=lambda p: p.us - 3600 * 1000000,
        idb_opts=[(14, struct.pack("<q", 3600))])

    # ---- other packet block types ---------------------------------------
    s = shb("<") + idb("<", snaplen=65535)
    for p in PKTS:
        s += spb("<", p)
    files["pcapng-spb.pcapng"] = s

    s = shb("<") + idb("<")
    for p in PKTS:
        s += opb("<", p, p.us)
    files["pcapng-opb.pcapng"] = s

    # ---- blocks that must be skipped ------------------------------------
    e = "<"
    s = shb(e) + idb(e)
    s += nrb(e)
    s += epb(e, PKTS[0], PKTS[0].us)
    s += epb(e, PKTS[1], PKTS[1].us)
    s += isb(e, PKTS[1].us)
    s += epb(e, PKTS[2], PKTS[2].us)
    s += dsb(e)
    s += epb(e, PKTS[3], PKTS[3].us)
    s += custom_block(e)
    s += epb(e, PKTS[4], PKTS[4].us)
    s += unknown_block(e)
    s += epb(e, PKTS[5], PKTS[5].us)
    s += isb(e, PKTS[5].us)
    files["pcapng-skip.pcapng"] = s

    # Same without the custom block: tshark 4.0 does NOT skip custom blocks
    # (it returns them as "PCAPNG Custom Block" frames), so this variant
    # isolates the blocks that really are skipped (NRB, ISB, DSB, unknown).
    s = shb(e) + idb(e)
    s += nrb(e)
    s += epb(e, PKTS[0], PKTS[0].us)
    s += epb(e, PKTS[1], PKTS[1].us)
    s += isb(e, PKTS[1].us)
    s += epb(e, PKTS[2], PKTS[2].us)
    s += dsb(e)
    s += epb(e, PKTS[3], PKTS[3].us)
    s += epb(e, PKTS[4], PKTS[4].us)
    s += unknown_block(e)
    s += epb(e, PKTS[5], PKTS[5].us)
    s += isb(e, PKTS[5].us)
    files["pcapng-skip-nocb.pcapng"] = s

    # ---- options --------------------------------------------------------
    s = shb(e, opts=[(1, b"jcap section comment"),     # opt_comment
                     (4, b"make-formats.py")])          # shb_userappl
    s += idb(e, opts=[(2, b"eth0"),                    # if_name
                      (3, b"jcap test interface")])     # if_description
    for i, p in enumerate(PKTS):
        direction = 1 if i % 2 == 0 else 2             # inbound / outbound
        flags = direction | (3 << 2)                    # + unicast reception type
        opts = [(2, struct.pack(e + "I", flags)),       # epb_flags
                (1, ("comment on packet %d" % (i + 1)).encode())]  # opt_comment
        s += epb(e, p, p.us, opts=opts)
    files["pcapng-options.pcapng"] = s

    # ---- headers only ---------------------------------------------------
    files["header-only.pcap"] = pcap_header("<")
    files["header-only.pcapng"] = shb("<") + idb("<")

    # ---- gzip (mtime=0, no file name: deterministic) --------------------
    files["pcap.pcap.gz"] = gzip.compress(files["pcap-le-us.pcap"], 9, mtime=0)
    files["pcapng.pcapng.gz"] = gzip.compress(files["pcapng-le.pcapng"], 9, mtime=0)

    # ---- link types -----------------------------------------------------
    files["bad-linktype.pcap"] = pcap_file("<", linktype=9999)
    files["user0-linktype.pcap"] = pcap_file("<", linktype=LINKTYPE_USER0)

    # ---- snaplen smaller than a record ---------------------------------
    # Header snaplen 64; packet 1 is stored with 8 extra zero bytes (an
    # Ethernet trailer) so its record is 98 bytes (incl_len = orig_len = 98).
    # The other records are unchanged (58, 42, 90, 142, 58 bytes): 90 and 142
    # also exceed the snaplen.
    p0 = PKTS[0]
    pad = Pkt(p0.sec, p0.usec, len(p0.data) + 8, p0.data + b"\0" * 8)
    files["oversnap.pcap"] = pcap_file("<", pkts=[pad] + PKTS[1:], snaplen=64)

    # ---- damaged pcap ---------------------------------------------------
    good = files["pcap-le-us.pcap"]
    rec3 = 24 + sum(16 + len(p.data) for p in PKTS[:2])   # offset of record 3
    files["bad-cut-record.pcap"] = good[:rec3 + 16 + len(PKTS[2].data) // 2]
    files["bad-cut-header.pcap"] = good[:rec3 + 8]
    files["bad-cut-filehdr.pcap"] = good[:10]

    huge = pcap_header("<")
    for i, p in enumerate(PKTS):
        huge += pcap_record("<", p, incl_len=300000 if i == 1 else None)
    files["bad-huge-record.pcap"] = huge

    # tshark probes the first 3 records of a standard-magic pcap to guess
    # the pcap variant (standard / ss990417 / Nokia ...); a bad 2nd record
    # makes it pick "nokiapcap".  A bad 4th record is past that probe and
    # gives the plain "too big" error after 3 good packets.
    huge = pcap_header("<")
    for i, p in enumerate(PKTS):
        huge += pcap_record("<", p, incl_len=300000 if i == 3 else None)
    files["bad-huge-record4.pcap"] = huge

    # 200 fixed pseudo-random bytes (SHA-256 chain from a constant seed).
    junk = b""
    h = b"jcap bad-magic seed"
    while len(junk) < 200:
        h = hashlib.sha256(h).digest()
        junk += h
    files["bad-magic.pcap"] = junk[:200]

    files["empty.pcap"] = b""

    # ---- damaged pcapng -------------------------------------------------
    good = files["pcapng-le.pcapng"]
    head = shb(e) + idb(e) + epb(e, PKTS[0], PKTS[0].us) + epb(e, PKTS[1], PKTS[1].us)
    epb3 = epb(e, PKTS[2], PKTS[2].us)
    assert good.startswith(head + epb3)
    files["bad-cut.pcapng"] = good[:len(head) + len(epb3) // 2]

    s = shb(e) + idb(e)
    for i, p in enumerate(PKTS):
        if i == 2:
            real = len(epb(e, p, p.us))
            s += epb(e, p, p.us, trailer_len=real + 4)
        else:
            s += epb(e, p, p.us)
    files["pcapng-bad-blocklen.pcapng"] = s

    s = shb(e) + idb(e)
    for i, p in enumerate(PKTS):
        s += epb(e, p, p.us, ifid=5 if i == 2 else 0)
    files["pcapng-bad-ifid.pcapng"] = s

    for name in sorted(files):
        write(name, files[name])
        print("%-28s %6d bytes" % (name, len(files[name])))


if __name__ == "__main__":
    main()
