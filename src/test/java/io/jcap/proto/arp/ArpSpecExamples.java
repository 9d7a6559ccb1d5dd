package io.jcap.proto.arp;

/**
 * The example frames of the ARP/ICMP/ICMPv6 spec (/tmp/specs/icmp-arp.md, written from
 * tshark 4.0.17 experiments) with tshark's Protocol and Info for each. Format: "# title",
 * then one "f HEX [CAPTURED ORIGINAL]" line per frame of the capture, then one
 * "= PROTOCOL<TAB>INFO|" line per frame ("|" marks the end: Info may end in spaces).
 */
final class ArpSpecExamples {
    private ArpSpecExamples() {
    }

    static final String TEXT = """
            # request
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000000000000a000002
            = ARP	Who has 10.0.0.2? Tell 10.0.0.1|
            # reply
            f 02000000000a02000000000b0806000108000604000202000000000b0a00000202000000000a0a000001
            = ARP	10.0.0.2 is at 02:00:00:00:00:0b|
            # request with 18 bytes of Ethernet padding (ignored)
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000000000000a000002000000000000000000000000000000000000
            = ARP	Who has 10.0.0.2? Tell 10.0.0.1|
            # request inside 802.1Q
            f ffffffffffff02000000000a8100000a0806000108000604000102000000000a0a0000010000000000000a000002
            = ARP	Who has 10.0.0.2? Tell 10.0.0.1|
            # gratuitous request (SPA==TPA, THA ff..ff)
            f ffffffffffff02000000000a0806000108000604000102000000000a0a000001ffffffffffff0a000001
            = ARP	Gratuitous ARP for 10.0.0.1 (Request)|
            # gratuitous request (SPA==TPA, THA non-zero unicast)
            f ffffffffffff02000000000a0806000108000604000102000000000a0a00000102000000000b0a000001
            = ARP	Gratuitous ARP for 10.0.0.1 (Request)|
            # announcement (SPA==TPA, THA all zero)
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000000000000a000001
            = ARP	ARP Announcement for 10.0.0.1|
            # gratuitous reply
            f ffffffffffff02000000000a0806000108000604000202000000000a0a000001ffffffffffff0a000001
            = ARP	Gratuitous ARP for 10.0.0.1 (Reply)|
            # probe (SPA 0.0.0.0, THA all zero)
            f ffffffffffff02000000000a0806000108000604000102000000000a000000000000000000000a000009
            = ARP	Who has 10.0.0.9? (ARP Probe)|
            # SPA 0.0.0.0 but THA non-zero → not a probe in 4.0.17
            f ffffffffffff02000000000a0806000108000604000102000000000a0000000002000000000b0a000009
            = ARP	Who has 10.0.0.9? Tell 0.0.0.0|
            # request for 0.0.0.0
            f ffffffffffff02000000000a0806000108000604000102000000000a0a00000100000000000000000000
            = ARP	Who has 0.0.0.0? Tell 10.0.0.1|
            # SPA=TPA=0.0.0.0, THA zero → announcement
            f ffffffffffff02000000000a0806000108000604000102000000000a0000000000000000000000000000
            = ARP	ARP Announcement for 0.0.0.0|
            # RARP request (ethertype 0x8035, op 3)
            f ffffffffffff02000000000a8035000108000604000302000000000a0000000002000000000a00000000
            = RARP	Who is 02:00:00:00:00:0a? Tell 02:00:00:00:00:0a|
            # RARP reply (ethertype 0x8035, op 4)
            f 02000000000a02000000000b8035000108000604000402000000000b0a00000202000000000a0a000001
            = RARP	02:00:00:00:00:0a is at 10.0.0.1|
            # ethertype 0x8035 but op 1 → Protocol ARP
            f ffffffffffff02000000000a8035000108000604000102000000000a0a0000010000000000000a000002
            = ARP	Who has 10.0.0.2? Tell 10.0.0.1|
            # op 3 in ethertype 0x0806 → RARP
            f ffffffffffff02000000000a0806000108000604000302000000000a0a00000102000000000b0a000002
            = RARP	Who is 02:00:00:00:00:0b? Tell 02:00:00:00:00:0a|
            # op 5 DRARP request
            f ffffffffffff02000000000a0806000108000604000502000000000a0a00000102000000000b0a000002
            = DRARP	Who is 02:00:00:00:00:0b? Tell 02:00:00:00:00:0a|
            # op 6 DRARP reply
            f ffffffffffff02000000000a0806000108000604000602000000000a0a00000102000000000b0a000002
            = DRARP	02:00:00:00:00:0b is at 10.0.0.2|
            # op 7 DRARP error
            f ffffffffffff02000000000a0806000108000604000702000000000a0a00000102000000000b0a000002
            = DRARP	DRARP Error|
            # op 8 InARP request
            f ffffffffffff02000000000a0806000108000604000802000000000a0a00000102000000000b0a000002
            = Inverse ARP	Who is 02:00:00:00:00:0b? Tell 02:00:00:00:00:0a|
            # op 9 InARP reply
            f ffffffffffff02000000000a0806000108000604000902000000000a0a00000102000000000b0a000002
            = Inverse ARP	02:00:00:00:00:0a is at 10.0.0.1|
            # op 10
            f ffffffffffff02000000000a0806000108000604000a02000000000a0a00000102000000000b0a000002
            = ARP	ARP NAK|
            # op 11 (MARS; 12..22 analogous, see table)
            f ffffffffffff02000000000a0806000108000604000b02000000000a0a00000102000000000b0a000002
            = MARS	MARS request from 02:00:00:00:00:0a at 10.0.0.1|
            # op 15
            f ffffffffffff02000000000a0806000108000604000f02000000000a0a00000102000000000b0a000002
            = MARS	MARS LEAVE from 02:00:00:00:00:0a at 10.0.0.1|
            # op 20
            f ffffffffffff02000000000a0806000108000604001402000000000a0a00000102000000000b0a000002
            = MARS	MARS grouplist request from 02:00:00:00:00:0a at 10.0.0.1|
            # op 23
            f ffffffffffff02000000000a0806000108000604001702000000000a0a00000102000000000b0a000002
            = MAPOS	MAPOS UNARP request from 02:00:00:00:00:0a at 10.0.0.1|
            # op 24
            f ffffffffffff02000000000a0806000108000604001802000000000a0a00000102000000000b0a000002
            = ARP	Experimental 1 ( opcode 24 )|
            # op 25
            f ffffffffffff02000000000a0806000108000604001902000000000a0a00000102000000000b0a000002
            = ARP	Experimental 2 ( opcode 25 )|
            # op 0
            f ffffffffffff02000000000a0806000108000604000002000000000a0a00000102000000000b0a000002
            = ARP	Reserved opcode 0|
            # op 65535
            f ffffffffffff02000000000a0806000108000604ffff02000000000a0a00000102000000000b0a000002
            = ARP	Reserved opcode 65535|
            # op 26 (unknown)
            f ffffffffffff02000000000a0806000108000604001a02000000000a0a00000102000000000b0a000002
            = ARP	Unknown ARP opcode 0x001a|
            # op 255 (unknown)
            f ffffffffffff02000000000a080600010800060400ff02000000000a0a00000102000000000b0a000002
            = ARP	Unknown ARP opcode 0x00ff|
            # hrd 6 (IEEE 802), hln 6 → MAC format
            f ffffffffffff02000000000a0806000608000604000202000000000a0a00000102000000000b0a000002
            = ARP	10.0.0.1 is at 02:00:00:00:00:0a|
            # hrd 15 (Frame Relay DLCI), hln 2 → hex
            f ffffffffffff02000000000a0806000f08000204000201230a00000145670a000002
            = ARP	10.0.0.1 is at 0123|
            # hrd 1 but hln 8 → hex
            f ffffffffffff02000000000a0806000108000804000201020304050607080a00000111121314151617180a000002
            = ARP	10.0.0.1 is at 0102030405060708|
            # pro 0x86dd, pln 16 → hex
            f ffffffffffff02000000000a0806000186dd0610000102000000000afd000000000000000000000000000001000000000000fd000000000000000000000000000002
            = ARP	Who has fd000000000000000000000000000002? Tell fd000000000000000000000000000001|
            # pro 0x86dd reply
            f ffffffffffff02000000000a0806000186dd0610000202000000000afd000000000000000000000000000001000000000000fd000000000000000000000000000002
            = ARP	fd000000000000000000000000000001 is at 02:00:00:00:00:0a|
            # pro 0x1234, pln 4 → hex
            f ffffffffffff02000000000a0806000112340604000102000000000a0a0000010000000000000a000002
            = ARP	Who has 0a000002? Tell 0a000001|
            # pro 0x0800 but pln 2 → hex
            f ffffffffffff02000000000a0806000108000602000102000000000a0a010000000000000a02
            = ARP	Who has 0a02? Tell 0a01|
            # hln 0, pln 0 request
            f ffffffffffff02000000000a08060001080000000001
            = ARP	Who has <No address>? Tell <No address>|
            # hln 0, pln 0 reply
            f ffffffffffff02000000000a08060001080000000002
            = ARP	<No address> is at <No address>|
            # hln 0, pln 0 RARP
            f ffffffffffff02000000000a08060001080000000003
            = RARP	Who is <No address>? Tell <No address>|
            # pln 36 → 72 hex digits, no ellipsis
            f ffffffffffff02000000000a0806000112340624000102000000000a0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324000000000000292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c
            = ARP	Who has 292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c? Tell 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324|
            # pln 37 → 72 hex digits + …
            f ffffffffffff02000000000a0806000112340625000102000000000a0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425000000000000292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d
            = ARP	Who has 292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c…? Tell 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324…|
            # hln 40 reply
            f ffffffffffff02000000000a080600010800280400020102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627280a000001000000000000000000000000000000000000000000000000000000000000000000000000000000000a000002
            = ARP	10.0.0.1 is at 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324…|
            # pro 3, pln 7 → AX.25 callsign text
            f ffffffffffff02000000000a0806000100030607000102000000000a828486888a8c600000000000008e909294969862
            = ARP	Who has GHIJKL-1? Tell ABCDEF|
            # sender conflict in a request
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000050000000000000a000002
            f ffffffffffff02000000000b0806000108000604000102000000000b0a0000050000000000000a000003
            = ARP	Who has 10.0.0.2? Tell 10.0.0.5|
            = ARP	Who has 10.0.0.3? Tell 10.0.0.5 (duplicate use of 10.0.0.5 detected!)|
            # reply: sender AND target conflict → last one (target 10.0.0.2) reported; map not updated by conflicts
            f 02000000000b02000000000a0806000108000604000202000000000a0a00000502000000000b0a000002
            f 02000000000a02000000000b0806000108000604000202000000000b0a00000502000000000a0a000002
            f 02000000000a02000000000b0806000108000604000202000000000b0a00000502000000000a0a000002
            f 02000000000b02000000000a0806000108000604000202000000000a0a00000502000000000b0a000002
            = ARP	10.0.0.5 is at 02:00:00:00:00:0a|
            = ARP	10.0.0.5 is at 02:00:00:00:00:0b (duplicate use of 10.0.0.2 detected!)|
            = ARP	10.0.0.5 is at 02:00:00:00:00:0b (duplicate use of 10.0.0.2 detected!)|
            = ARP	10.0.0.5 is at 02:00:00:00:00:0a|
            # reply: sender conflicts, target OK → no suffix (target check resets the flag)
            f ffffffffffff02000000000a0806000108000604000202000000000a0a00000502000000000b0a000002
            f ffffffffffff02000000000c0806000108000604000202000000000c0a00000502000000000b0a000002
            = ARP	10.0.0.5 is at 02:00:00:00:00:0a|
            = ARP	10.0.0.5 is at 02:00:00:00:00:0c|
            # reply: target conflict
            f 02000000000b02000000000a0806000108000604000202000000000a0a00000502000000000b0a000002
            f 02000000000a02000000000b0806000108000604000202000000000b0a00000602000000000c0a000005
            = ARP	10.0.0.5 is at 02:00:00:00:00:0a|
            = ARP	10.0.0.6 is at 02:00:00:00:00:0b (duplicate use of 10.0.0.5 detected!)|
            # announcements from two MACs
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000050000000000000a000005
            f ffffffffffff02000000000b0806000108000604000102000000000b0a0000050000000000000a000005
            = ARP	ARP Announcement for 10.0.0.5|
            = ARP	ARP Announcement for 10.0.0.5 (duplicate use of 10.0.0.5 detected!)|
            # gratuitous replies (THA broadcast → no target check)
            f ffffffffffff02000000000a0806000108000604000202000000000a0a000005ffffffffffff0a000005
            f ffffffffffff02000000000b0806000108000604000202000000000b0a000005ffffffffffff0a000005
            = ARP	Gratuitous ARP for 10.0.0.5 (Reply)|
            = ARP	Gratuitous ARP for 10.0.0.5 (Reply) (duplicate use of 10.0.0.5 detected!)|
            # multicast sender MAC is skipped; the target check still runs
            f ffffffffffff02000000000a0806000108000604000202000000000a0a00000502000000000b0a000002
            f ffffffffffff02000000000a0806000108000604000201005e0000010a00000502000000000a0a000002
            = ARP	10.0.0.5 is at 02:00:00:00:00:0a|
            = ARP	10.0.0.5 is at 01:00:5e:00:00:01 (duplicate use of 10.0.0.2 detected!)|
            # RARP never checks
            f ffffffffffff02000000000a0806000108000604000402000000000a0a00000502000000000b0a000002
            f ffffffffffff02000000000a0806000108000604000402000000000c0a00000502000000000c0a000005
            = RARP	02:00:00:00:00:0b is at 10.0.0.2|
            = RARP	02:00:00:00:00:0c is at 10.0.0.5|
            # 20 bytes of ARP (reported) < 28
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000
            = ARP	[Malformed Packet]|
            # 6 bytes of ARP
            f ffffffffffff02000000000a0806000108000604
            = ARP	[Malformed Packet]|
            # 0 bytes of ARP
            f ffffffffffff02000000000a0806
            = ARP	[Malformed Packet]|
            # 8-byte header only, op 3 → still Protocol ARP (exception before the opcode switch)
            f ffffffffffff02000000000a08060001080006040003
            = ARP	[Malformed Packet]|
            # snaplen cut inside addresses (op 1)
            f ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000 34 42
            = ARP	[Packet size limited during capture]|
            # snaplen cut, op 3 → Protocol already RARP
            f ffffffffffff02000000000a0806000108000604000302000000000a0a00 30 42
            = RARP	[Packet size limited during capture]|
            # ATMARP request
            f ffffffffffff02000000000a080600130800140000010414000447000580ffe1000000f21a3a5b0020481a3a5b000a00000147000580ffe1000000f21a3a5b0020481a3a5b000a000002
            = ATMARP	Who has 10.0.0.2? Tell 10.0.0.1|
            # ATMARP reply (NSAP)
            f ffffffffffff02000000000a080600130800140000020414000447000580ffe1000000f21a3a5b0020481a3a5b000a00000147000580ffe1000000f21a3a5b0020481a3a5b000a000002
            = ATMARP	10.0.0.1 is at 47000580ffe1000000f21a3a5b0020481a3a5b00|
            # ATMARP reply with subaddress
            f ffffffffffff02000000000a080600130800140200020400000447000580ffe1000000f21a3a5b0020481a3a5b0001020a0000010a000002
            = ATMARP	10.0.0.1 is at 47000580ffe1000000f21a3a5b0020481a3a5b00,0102|
            # ATMARP reply, E.164
            f ffffffffffff02000000000a080600130800450000020440000431323334350a0000010a000002
            = ATMARP	10.0.0.1 is at 12345|
            # ATMARP op 3
            f ffffffffffff02000000000a080600130800140000030414000447000580ffe1000000f21a3a5b0020481a3a5b000a00000147000580ffe1000000f21a3a5b0020481a3a5b000a000002
            = ATMRARP	Unknown ATMARP opcode 0x0003|
            # ATMARP op 8
            f ffffffffffff02000000000a080600130800140000080414000447000580ffe1000000f21a3a5b0020481a3a5b000a00000147000580ffe1000000f21a3a5b0020481a3a5b000a000002
            = Inverse ATMARP	Who is 47000580ffe1000000f21a3a5b0020481a3a5b00? Tell 47000580ffe1000000f21a3a5b0020481a3a5b00|
            # ATMARP op 10
            f ffffffffffff02000000000a0806001308001400000a0414000447000580ffe1000000f21a3a5b0020481a3a5b000a00000147000580ffe1000000f21a3a5b0020481a3a5b000a000002
            = ATMARP	I don't know where 10.0.0.1 is|
            # ATMARP unknown op
            f ffffffffffff02000000000a080600130800140000630414000447000580ffe1000000f21a3a5b0020481a3a5b000a00000147000580ffe1000000f21a3a5b0020481a3a5b000a000002
            = ATMARP	Unknown ATMARP opcode 0x0063|
            # AX.25 ARP reply
            f ffffffffffff02000000000a0806000300cc07040002414243444546000a0000014748494a4b4c020a000002
            = ARP	10.0.0.1 is at 41424344454600|
            # AX.25 ARP op 3
            f ffffffffffff02000000000a0806000300cc07040003414243444546000a0000014748494a4b4c020a000002
            = RARP	Who is 4748494a4b4c02? Tell 41424344454600|
            # AX.25 gratuitous
            f ffffffffffff02000000000a0806000300cc07040001414243444546000a0000014748494a4b4c020a000001
            = ARP	Gratuitous ARP for 10.0.0.1 (Request)|
            # AX.25 op 10
            f ffffffffffff02000000000a0806000300cc0704000a414243444546000a0000014748494a4b4c020a000002
            = ARP	Unknown ARP opcode 0x000a|
            """;
}
