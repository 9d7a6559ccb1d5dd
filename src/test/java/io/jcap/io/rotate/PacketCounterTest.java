package io.jcap.io.rotate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tshark's running count and closing lines (tshark.c: print_packet_counts, report_counts, capture_input_drops). */
class PacketCounterTest {
    @Test
    void shownOnlyOnATerminalNotSharedWithPacketsAndNotQuiet() {
        assertTrue(PacketCounter.shows(true, true, false, false));
        assertTrue(PacketCounter.shows(true, false, true, false));
        assertFalse(PacketCounter.shows(false, true, false, false));
        assertFalse(PacketCounter.shows(true, true, true, false));
        assertFalse(PacketCounter.shows(true, true, false, true));
    }

    private static String run(boolean running, long dropped) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PacketCounter c = new PacketCounter(new PrintStream(err, true, StandardCharsets.UTF_8), running);
        c.update(0);
        c.update(1);
        c.update(12);
        c.finish(12, dropped, "eth0", false);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runningCount() {
        assertEquals("\r1 \r12 \n", run(true, 0));
        assertEquals("\r1 \r12 \n3 packets dropped from eth0\n", run(true, 3));
    }

    @Test
    void closingCount() {
        assertEquals("12 packets captured\n", run(false, 0));
        assertEquals("1 packet dropped from eth0\n12 packets captured\n", run(false, 1));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new PacketCounter(new PrintStream(err, true, StandardCharsets.UTF_8), false).finish(1, 0, null, false);
        assertEquals("1 packet captured\n", err.toString(StandardCharsets.UTF_8));
    }
}
