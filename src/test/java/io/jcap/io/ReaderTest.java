package io.jcap.io;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.frame.InterfaceInfo;
import io.jcap.frame.LinkType;
import io.jcap.io.CaptureFileException.Kind;
import io.jcap.io.pcap.PcapReader;
import io.jcap.io.pcapng.PcapngReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capture readers through {@link CaptureFiles#open}: every field of every frame of the
 * crafted variants in src/test/resources/formats (README.md there), against the reference
 * pcap-le-us.pcap parsed independently here; streams; and the damaged files.
 * Expected values were checked with {@code tshark -T fields -e frame.time_epoch -e frame.len ...}.
 */
class ReaderTest {
    static final Path FORMATS = Path.of("src", "test", "resources", "formats");
    static final Path SAMPLES = Path.of("samples");
    /** The header snap length of samples/ethernet.pcap, copied into the crafted files. */
    static final int SNAPLEN = 262144;

    /** One record of the reference capture, read without jcap's code. */
    record Ref(long sec, long usec, int orig, byte[] data) {
        long micros() {
            return sec * 1_000_000L + usec;
        }
    }

    static List<Ref> REF;

    @BeforeAll
    static void parseReference() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(FORMATS.resolve("pcap-le-us.pcap"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0));
        List<Ref> refs = new ArrayList<>();
        int p = 24;
        while (p < b.limit()) {
            long sec = b.getInt(p) & 0xFFFFFFFFL;
            long usec = b.getInt(p + 4) & 0xFFFFFFFFL;
            int incl = b.getInt(p + 8);
            int orig = b.getInt(p + 12);
            byte[] data = Arrays.copyOfRange(b.array(), p + 16, p + 16 + incl);
            refs.add(new Ref(sec, usec, orig, data));
            p += 16 + incl;
        }
        REF = List.copyOf(refs);
        // README: 90, 58, 42, 90, 142 and 58 bytes, the first at epoch 1795306849.931432
        assertEquals(List.of(90, 58, 42, 90, 142, 58), REF.stream().map(r -> r.data.length).toList());
        assertEquals(1795306849L, REF.get(0).sec);
        assertEquals(931432L, REF.get(0).usec);
    }

    // ------------------------------------------------------------------ helpers

    static FrameSource open(Path p) throws IOException {
        return CaptureFiles.open(p.toString());
    }

    static List<Frame> readAll(FrameSource s) throws IOException {
        List<Frame> frames = new ArrayList<>();
        Frame f = new Frame();
        while (s.next(f)) {
            frames.add(f.copy());
        }
        // the end is sticky
        assertFalse(s.next(f));
        return frames;
    }

    static List<Frame> readAll(Path p) throws IOException {
        try (FrameSource s = open(p)) {
            return readAll(s);
        }
    }

    static byte[] bytes(Frame f) {
        byte[] b = new byte[f.capturedLength];
        f.data.getBytes(f.offset, b);
        return b;
    }

    /** A stream that hands out at most a few bytes per read, like a slow pipe. */
    static final class Trickle extends FilterInputStream {
        private int turn;

        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = Math.min(len, 1 + (turn++ % 7));
            return super.read(b, off, n);
        }
    }

    /** Frame i (0-based) must be reference record i, time stamp as given. */
    static void assertFrame(Frame f, int i, long seconds, int nanos, int precision) {
        Ref r = REF.get(i);
        String at = "frame " + (i + 1);
        assertEquals(i + 1, f.number, at + " number");
        assertTrue(f.hasTime, at + " hasTime");
        assertEquals(seconds, f.seconds, at + " seconds");
        assertEquals(nanos, f.nanos, at + " nanos");
        assertEquals(precision, f.precision, at + " precision");
        assertEquals(r.data.length, f.capturedLength, at + " captured length");
        assertEquals(r.orig, f.originalLength, at + " original length");
        assertEquals(LinkType.ETHERNET, f.linkType, at + " link type");
        assertArrayEquals(r.data, bytes(f), at + " bytes");
    }

    /** The six reference frames with their own µs time stamps. */
    static void assertReference(List<Frame> frames, int precision) {
        assertEquals(REF.size(), frames.size(), "frame count");
        for (int i = 0; i < frames.size(); i++) {
            Ref r = REF.get(i);
            assertFrame(frames.get(i), i, r.sec, (int) (r.usec * 1000), precision);
            assertEquals(0, frames.get(i).interfaceId, "interface id");
        }
    }

    // ------------------------------------------------------------------ classic pcap

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcap-le-us.pcap", "pcap-be-us.pcap", "pcap-le-ns.pcap", "pcap-be-ns.pcap"})
    void classicPcapBothByteOrdersBothResolutions(String name) throws IOException {
        int precision = name.contains("-ns") ? 9 : 6;
        try (FrameSource s = open(FORMATS.resolve(name))) {
            assertInstanceOf(PcapReader.class, s);
            assertEquals(precision == 9, ((PcapReader) s).nanosecond());
            assertEquals(1, s.interfaceCount());
            assertEquals(new InterfaceInfo(LinkType.ETHERNET, SNAPLEN, null, precision), s.interfaceInfo(0));
            assertReference(readAll(s), precision);
        }
    }

    @Test
    void nanosecondFractionIsKeptExactly() throws IOException {
        // ethernet-ns.pcap: 00:20:56.271472601 for frame 1 (tshark -t a), 9 digits
        try (FrameSource s = open(SAMPLES.resolve("ethernet-ns.pcap"))) {
            Frame f = new Frame();
            assertTrue(s.next(f));
            assertEquals(271472601, f.nanos);
            assertEquals(9, f.precision);
            assertEquals(56, f.seconds % 60);
        }
    }

    @Test
    void oversnapRecordsAreAccepted() throws IOException {
        try (FrameSource s = open(FORMATS.resolve("oversnap.pcap"))) {
            List<Frame> frames = readAll(s);
            assertEquals(64, s.interfaceInfo(0).snapLength());
            assertEquals(6, frames.size());
            assertEquals(98, frames.get(0).capturedLength);
            assertEquals(98, frames.get(0).originalLength);
            byte[] first = bytes(frames.get(0));
            assertArrayEquals(REF.get(0).data, Arrays.copyOf(first, 90));
            assertArrayEquals(new byte[8], Arrays.copyOfRange(first, 90, 98));
            assertEquals(142, frames.get(4).capturedLength);
        }
    }

    @Test
    void user0LinkType() throws IOException {
        List<Frame> frames = readAll(FORMATS.resolve("user0-linktype.pcap"));
        assertEquals(6, frames.size());
        for (Frame f : frames) {
            assertEquals(147, f.linkType);
        }
        assertArrayEquals(REF.get(4).data, bytes(frames.get(4)));
    }

    // ------------------------------------------------------------------ pcapng

    /** A custom block is a record of its own, as wiretap delivers it: the fifth, between the reference frames. */
    @Test
    void customBlockIsARecord() throws IOException {
        List<Frame> frames = readAll(FORMATS.resolve("pcapng-skip.pcapng"));
        assertEquals(7, frames.size());
        Frame cb = frames.get(4);
        assertEquals(Frame.CUSTOM_BLOCK, cb.linkType);
        assertEquals(32473, cb.customBlockPen);
        assertTrue(cb.customBlockCopy);
        assertFalse(cb.hasTime);
        assertEquals(5, cb.number);
        assertEquals(24, cb.capturedLength);
        List<Frame> packets = new java.util.ArrayList<>(frames);
        packets.remove(4);
        for (int i = 0; i < packets.size(); i++) {
            assertEquals(LinkType.ETHERNET, packets.get(i).linkType);
            assertArrayEquals(REF.get(i).data, bytes(packets.get(i)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcapng-le.pcapng", "pcapng-be.pcapng", "pcapng-opb.pcapng", "pcapng-options.pcapng",
            "pcapng-skip-nocb.pcapng", "pcapng-tsoffset.pcapng"})
    void pcapngVariantsGiveTheReferenceFrames(String name) throws IOException {
        try (FrameSource s = open(FORMATS.resolve(name))) {
            assertInstanceOf(PcapngReader.class, s);
            assertReference(readAll(s), 6);
            assertEquals(1, s.interfaceCount());
            assertEquals(LinkType.ETHERNET, s.interfaceInfo(0).linkType());
            assertEquals(SNAPLEN, s.interfaceInfo(0).snapLength());
            assertEquals(6, s.interfaceInfo(0).precision());
        }
    }

    @Test
    void interfaceName() throws IOException {
        try (FrameSource s = open(FORMATS.resolve("pcapng-options.pcapng"))) {
            readAll(s);
            assertEquals("eth0", s.interfaceInfo(0).name());
        }
        try (FrameSource s = open(FORMATS.resolve("pcapng-le.pcapng"))) {
            readAll(s);
            assertNull(s.interfaceInfo(0).name());
        }
    }

    @Test
    void severalSectionsWithTheirOwnByteOrderAndInterfaces() throws IOException {
        try (FrameSource s = open(FORMATS.resolve("pcapng-sections.pcapng"))) {
            List<Frame> frames = readAll(s);
            assertEquals(6, frames.size());
            for (int i = 0; i < 6; i++) {
                Ref r = REF.get(i);
                assertFrame(frames.get(i), i, r.sec, (int) (r.usec * 1000), 6);
            }
            // section 1: interface 0; section 2 (big-endian): RAW at 0, Ethernet at 1.
            // Frame.interfaceId counts across the file, so section 2's interface 1 is 2.
            // (tshark's frame.interface_id shows the section-local 1; the summary is unaffected.)
            assertEquals(3, s.interfaceCount());
            assertEquals(List.of(0, 0, 0, 2, 2, 2), frames.stream().map(f -> f.interfaceId).toList());
            assertEquals(LinkType.ETHERNET, s.interfaceInfo(0).linkType());
            assertEquals(LinkType.RAW, s.interfaceInfo(1).linkType());
            assertEquals(65535, s.interfaceInfo(1).snapLength());
            assertEquals(LinkType.ETHERNET, s.interfaceInfo(2).linkType());
            assertEquals(SNAPLEN, s.interfaceInfo(2).snapLength());
        }
    }

    @Test
    void twoInterfacesInOneSection() throws IOException {
        // samples/mixed.pcapng: dumpcap -i cli0 -i cli1, ns resolution; frame 137 is on cli1
        try (FrameSource s = open(SAMPLES.resolve("mixed.pcapng"))) {
            List<Frame> frames = readAll(s);
            assertEquals(164, frames.size());
            assertEquals(2, s.interfaceCount());
            assertEquals("cli0", s.interfaceInfo(0).name());
            assertEquals("cli1", s.interfaceInfo(1).name());
            assertEquals(9, s.interfaceInfo(0).precision());
            assertEquals(0, frames.get(0).interfaceId);
            assertEquals(1, frames.get(136).interfaceId);
            assertTrue(frames.stream().allMatch(f -> f.precision == 9 && f.linkType == LinkType.ETHERNET));
        }
    }

    @Test
    void tsresolMilliseconds() throws IOException {
        List<Frame> frames = readAll(FORMATS.resolve("pcapng-tsresol-ms.pcapng"));
        assertEquals(6, frames.size());
        for (int i = 0; i < 6; i++) {
            Ref r = REF.get(i);
            assertFrame(frames.get(i), i, r.sec, (int) (r.usec / 1000 * 1_000_000), 3);
        }
        assertEquals(931_000_000, frames.get(0).nanos);
    }

    @Test
    void tsresolNanoseconds() throws IOException {
        List<Frame> frames = readAll(FORMATS.resolve("pcapng-tsresol-ns.pcapng"));
        for (int i = 0; i < 6; i++) {
            Ref r = REF.get(i);
            assertFrame(frames.get(i), i, r.sec, (int) (r.usec * 1000), 9);
        }
    }

    @Test
    void tsresolTenThousandthsShowsThreeDecimals() throws IOException {
        // if_tsresol=4: tshark keeps the 4th digit (frame.time_epoch ...931400000) but shows 3 decimals
        List<Frame> frames = readAll(FORMATS.resolve("pcapng-tsresol-4.pcapng"));
        for (int i = 0; i < 6; i++) {
            Ref r = REF.get(i);
            long units = r.micros() / 100;
            assertFrame(frames.get(i), i, units / 10_000, (int) (units % 10_000 * 100_000), 3);
        }
        assertEquals(931_400_000, frames.get(0).nanos);
        assertEquals(100_500_000, frames.get(2).nanos);
    }

    @Test
    void tsresolBinaryFractions() throws IOException {
        // if_tsresol=0x94: 2^-20 s units; tshark: 1795306849.931431770, .100496292, ...
        List<Frame> frames = readAll(FORMATS.resolve("pcapng-tsresol-bin.pcapng"));
        for (int i = 0; i < 6; i++) {
            Ref r = REF.get(i);
            // floor(us * 2^20 / 10^6), as make-formats.py computes it (too big for a long)
            long units = BigInteger.valueOf(r.micros()).shiftLeft(20).divide(BigInteger.valueOf(1_000_000L)).longValueExact();
            long nanos = ((units & 0xFFFFF) * 1_000_000_000L) >> 20;
            assertFrame(frames.get(i), i, units >> 20, (int) nanos, 6);
        }
        assertEquals(1795306849L, frames.get(0).seconds);
        assertEquals(931_431_770, frames.get(0).nanos);
        assertEquals(100_496_292, frames.get(1).nanos);
        assertEquals(101_693_153, frames.get(5).nanos);
    }

    @Test
    void tsoffsetIsAdded() throws IOException {
        List<Frame> frames = readAll(FORMATS.resolve("pcapng-tsoffset.pcapng"));
        assertEquals(1795306849L, frames.get(0).seconds);
        assertEquals(931_432_000, frames.get(0).nanos);
    }

    @Test
    void simplePacketBlocksHaveNoTime() throws IOException {
        try (FrameSource s = open(FORMATS.resolve("pcapng-spb.pcapng"))) {
            List<Frame> frames = readAll(s);
            assertEquals(6, frames.size());
            assertEquals(65535, s.interfaceInfo(0).snapLength());
            for (int i = 0; i < 6; i++) {
                Frame f = frames.get(i);
                assertFalse(f.hasTime, "frame " + (i + 1));
                assertEquals(0, f.seconds);
                assertEquals(0, f.nanos);
                assertEquals(i + 1, f.number);
                assertEquals(REF.get(i).data.length, f.capturedLength);
                assertEquals(REF.get(i).orig, f.originalLength);
                assertEquals(0, f.interfaceId);
                assertEquals(LinkType.ETHERNET, f.linkType);
                assertArrayEquals(REF.get(i).data, bytes(f));
            }
        }
    }

    // ------------------------------------------------------------------ compression and streams

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcap.pcap.gz", "pcapng.pcapng.gz"})
    void gzipIsReadTransparently(String name) throws IOException {
        assertReference(readAll(FORMATS.resolve(name)), 6);
    }

    static Stream<Path> streamable() {
        return Stream.of(FORMATS.resolve("pcap-be-ns.pcap"), FORMATS.resolve("pcapng-sections.pcapng"),
                FORMATS.resolve("pcapng-tsresol-bin.pcapng"), FORMATS.resolve("pcapng-spb.pcapng"),
                FORMATS.resolve("pcapng-skip.pcapng"), FORMATS.resolve("pcap.pcap.gz"),
                FORMATS.resolve("pcapng.pcapng.gz"),
                SAMPLES.resolve("ethernet.pcap"), SAMPLES.resolve("ethernet-ns.pcap"),
                SAMPLES.resolve("mixed.pcapng"), SAMPLES.resolve("any.pcap"));
    }

    static void assertSameFrames(List<Frame> expected, List<Frame> actual) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            Frame e = expected.get(i);
            Frame a = actual.get(i);
            String at = "frame " + (i + 1);
            assertEquals(e.number, a.number, at);
            assertEquals(e.seconds, a.seconds, at);
            assertEquals(e.nanos, a.nanos, at);
            assertEquals(e.precision, a.precision, at);
            assertEquals(e.hasTime, a.hasTime, at);
            assertEquals(e.capturedLength, a.capturedLength, at);
            assertEquals(e.originalLength, a.originalLength, at);
            assertEquals(e.linkType, a.linkType, at);
            assertEquals(e.interfaceId, a.interfaceId, at);
            assertArrayEquals(bytes(e), bytes(a), at);
        }
    }

    /** Standard input is just a stream: no size, no seeking, short reads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("streamable")
    void streamGivesTheSameFramesAsTheFile(Path p) throws IOException {
        List<Frame> fromFile = readAll(p);
        try (FrameSource s = CaptureFiles.open(new Trickle(new ByteArrayInputStream(Files.readAllBytes(p))))) {
            assertSameFrames(fromFile, readAll(s));
        }
    }

    /** A window much smaller than a record must grow and slide without losing or mixing bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("streamable")
    void tinyWindowGivesTheSameFrames(Path p) throws IOException {
        List<Frame> fromFile = readAll(p);
        byte[] raw = Files.readAllBytes(p);
        InputStream in = new Trickle(new ByteArrayInputStream(raw));
        if (raw[0] == 0x1f && (raw[1] & 0xFF) == 0x8b) {
            in = new GZIPInputStream(in);
        }
        InputWindow w = new InputWindow(in, 32);
        w.fill(4);
        boolean pcapng = w.buffer().getInt(w.position()) == 0x0A0D0D0A;
        try (FrameSource s = pcapng ? new PcapngReader(w) : new PcapReader(w)) {
            assertSameFrames(fromFile, readAll(s));
        }
    }

    @Test
    void sampleFrameCounts() throws IOException {
        // as tshark -n -r counts them (src/test/resources/golden/*.n.out)
        assertEquals(139, readAll(SAMPLES.resolve("ethernet.pcap")).size());
        assertEquals(138, readAll(SAMPLES.resolve("ethernet-ns.pcap")).size());
        assertEquals(164, readAll(SAMPLES.resolve("mixed.pcapng")).size());
        List<Frame> any = readAll(SAMPLES.resolve("any.pcap"));
        assertEquals(113, any.size());
        assertTrue(any.stream().allMatch(f -> f.linkType == LinkType.LINUX_SLL && f.precision == 6));
    }

    @Test
    void framesAreNumberedFromOne() throws IOException {
        List<Frame> frames = readAll(SAMPLES.resolve("ethernet.pcap"));
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i + 1, frames.get(i).number);
        }
    }

    // ------------------------------------------------------------------ empty and damaged files

    @Test
    void emptyFileHasNoFramesAndNoInterfaces() throws IOException {
        try (FrameSource s = open(FORMATS.resolve("empty.pcap"))) {
            assertFalse(s.next(new Frame()));
            assertEquals(0, s.interfaceCount());
        }
        try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(new byte[0]))) {
            assertFalse(s.next(new Frame()));
        }
    }

    @Test
    void headerOnlyFiles() throws IOException {
        try (FrameSource s = open(FORMATS.resolve("header-only.pcap"))) {
            assertFalse(s.next(new Frame()));
            assertEquals(1, s.interfaceCount());
            assertEquals(LinkType.ETHERNET, s.interfaceInfo(0).linkType());
        }
        try (FrameSource s = open(FORMATS.resolve("header-only.pcapng"))) {
            assertFalse(s.next(new Frame()));
            assertEquals(1, s.interfaceCount());
            assertEquals(LinkType.ETHERNET, s.interfaceInfo(0).linkType());
        }
    }

    /**
     * name, complete packets before the error, kind, detail. A negative count means the
     * error comes from {@code open} itself (tshark's open-time wording, or no packets at all).
     */
    static Stream<Arguments> damaged() {
        return Stream.of(
                Arguments.of("bad-cut-record.pcap", 2, Kind.CUT_SHORT, null),
                Arguments.of("bad-cut-header.pcap", 2, Kind.CUT_SHORT, null),
                Arguments.of("bad-cut-filehdr.pcap", -1, Kind.CUT_SHORT_AT_OPEN, null),
                Arguments.of("bad-cut.pcapng", 2, Kind.CUT_SHORT, null),
                Arguments.of("bad-huge-record4.pcap", 3, Kind.DAMAGED,
                        "pcap: File has 300000-byte packet, bigger than maximum of 262144"),
                Arguments.of("bad-huge-record.pcap", 1, Kind.DAMAGED,
                        "pcap: File has 300000-byte packet, bigger than maximum of 262144"),
                Arguments.of("bad-magic.pcap", -1, Kind.NOT_CAPTURE, null),
                Arguments.of("bad-linktype.pcap", -1, Kind.UNSUPPORTED, "pcap: network type 9999 unknown or unsupported"),
                Arguments.of("pcapng-bad-blocklen.pcapng", 2, Kind.DAMAGED,
                        "pcapng: total block lengths (first 76 and second 80) don't match"),
                Arguments.of("pcapng-bad-ifid.pcapng", 2, Kind.DAMAGED,
                        "pcapng: interface index 5 is not less than section interface count 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedFilesDeliverEveryCompletePacketFirst(String name, int before, Kind kind, String detail) throws IOException {
        Path p = FORMATS.resolve(name);
        CaptureFileException e;
        if (before < 0) {
            e = assertThrows(CaptureFileException.class, () -> open(p).close());
        } else {
            List<Frame> frames = new ArrayList<>();
            try (FrameSource s = open(p)) {
                Frame f = new Frame();
                e = assertThrows(CaptureFileException.class, () -> {
                    while (s.next(f)) {
                        frames.add(f.copy());
                    }
                });
            }
            assertEquals(before, frames.size(), "complete packets before the error");
            for (int i = 0; i < before; i++) {
                Ref r = REF.get(i);
                assertFrame(frames.get(i), i, r.sec, (int) (r.usec * 1000), 6);
            }
        }
        assertEquals(kind, e.kind());
        assertEquals(detail, e.detail());
        String expectedText = read(name + ".stderr");
        if (!name.equals("bad-huge-record.pcap")) { // tshark's variant guessing: see CaptureFormatsTest
            assertEquals(expectedText.replaceFirst("^tshark: ", ""), e.describe(name) + "\n");
        }
    }

    /** The same errors when the damaged bytes arrive through a stream. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedStreams(String name, int before, Kind kind, String detail) throws IOException {
        byte[] raw = Files.readAllBytes(FORMATS.resolve(name));
        int[] count = {0};
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> {
            try (FrameSource s = CaptureFiles.open(new Trickle(new ByteArrayInputStream(raw)))) {
                Frame f = new Frame();
                while (s.next(f)) {
                    count[0]++;
                }
            }
        });
        assertEquals(Math.max(before, 0), count[0]);
        assertEquals(kind, e.kind());
        assertEquals(detail, e.detail());
    }

    /**
     * A gzip file cut short: tshark 4.0 prints the packets it could decompress, then
     * "The file ... appears to have been cut short in the middle of a packet." (rc 2), both
     * when the cut is inside the deflate data (3 packets of pcap.pcap.gz cut to 2/3) and when
     * only the 8-byte gzip trailer is incomplete (all 6 packets of pcapng.pcapng.gz minus 4 bytes).
     */
    @ParameterizedTest(name = "{0} minus {1} bytes")
    @CsvSource({"pcap.pcap.gz, -1, 3", "pcapng.pcapng.gz, 4, 6"})
    void truncatedGzipIsCutShort(String name, int dropBytes, int before) throws IOException {
        byte[] gz = Files.readAllBytes(FORMATS.resolve(name));
        byte[] cut = Arrays.copyOf(gz, dropBytes < 0 ? gz.length * 2 / 3 : gz.length - dropBytes);
        int[] count = {0};
        IOException e = assertThrows(IOException.class, () -> {
            try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(cut))) {
                Frame f = new Frame();
                while (s.next(f)) {
                    count[0]++;
                }
            }
        });
        assertEquals(before, count[0], "complete packets before the error");
        CaptureFileException c = assertInstanceOf(CaptureFileException.class, e);
        assertEquals(Kind.CUT_SHORT, c.kind());
        assertNull(c.detail());
    }

    @Test
    void missingFileAndDirectory() {
        CaptureFileException e = assertThrows(CaptureFileException.class,
                () -> CaptureFiles.open("src/test/resources/formats/no-such-file.pcap"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals("The file \"x.pcap\" doesn't exist.", e.describe("x.pcap"));
        e = assertThrows(CaptureFileException.class, () -> CaptureFiles.open("src/test/resources/formats"));
        assertEquals(Kind.IS_DIRECTORY, e.kind());
        assertEquals("\"dir\" is a directory (folder), not a file.", e.describe("dir"));
    }

    static String read(String name) throws IOException {
        return Files.readString(FORMATS.resolve(name));
    }
}
