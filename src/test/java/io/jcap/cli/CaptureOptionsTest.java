package io.jcap.cli;

import io.jcap.capture.Devices;
import io.jcap.capture.InterfaceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Capture options refused before any interface is opened, in tshark 4.0's words and
 * statuses (taken from tshark on this machine, "tshark:" read as "jcap:"), and how
 * per-interface options are assigned. None of these needs libpcap or root.
 */
class CaptureOptionsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-i lo -2|Live captures do not support two-pass analysis.",
        "-f icmp -i lo udp|A default capture filter was specified both with \"-f\" and with additional command-line arguments.",
        "-f icmp udp|A default capture filter was specified both with \"-f\" and with additional command-line arguments.",
        "-i lo -i eth0 -f icmp udp|A capture filter was specified both with \"-f\" and with additional command-line arguments.",
        "-i lo -s abc|The specified snapshot length \"abc\" isn't a decimal number",
        "-i lo -s -5|The specified snapshot length \"-5\" is a negative number",
        "-i lo -s 70000000000|The specified snapshot length \"70000000000\" is too large (greater than 2147483647)",
        "-r samples/ethernet.pcap -s abc|The specified snapshot length \"abc\" isn't a decimal number",
        "-i lo -B abc|The specified buffer size \"abc\" isn't a decimal number",
        "-i lo -B 0|The specified buffer size is zero",
        "-i lo -c 0|The specified packet count is zero",
        "-i lo --time-stamp-precision pico|invalid time stamp precision \"pico\"; it must be \"micro\" or \"nano\"",
    })
    void refused(String args, String message) {
        JcapRun r = JcapRun.of(args.split(" "));
        assertEquals(1, r.status(), r.toString());
        assertEquals("jcap: " + message + "\n", r.stderr(), r.toString());
        assertEquals(0, r.stdoutBytes().length);
    }

    @Test
    void durationOnlyMeansSomethingWhenCapturing() {
        JcapRun r = JcapRun.of("-r", "samples/ethernet.pcap", "-a", "duration:1");
        assertEquals(1, r.status());
        assertEquals("jcap: A maximum capture time was specified, but a capture isn't being done.\n", r.stderr());
    }

    /** -a duration reads its number as strtod does: "abc" is 0 (stop at once). */
    @ParameterizedTest
    @CsvSource({"10,10000", "1.5,1500", "abc,0", "2x,2000", ".5,500"})
    void durationSeconds(String text, long millis) {
        assertEquals(millis, Jcap.seconds(text));
    }

    /** Options before any -i are defaults; after an -i, they belong to that interface. */
    @Test
    void perInterfaceOptions() {
        Options o = new Options();
        CommandLine cl = new CommandLine(Options.spec(o));
        cl.setOverwrittenOptionsAllowed(true);
        cl.parseArgs("-f", "icmp", "-s", "100", "-i", "a", "-p", "-i", "b", "-f", "udp", "-B", "4",
                "-i", "c", "-I");
        List<CaptureArgs.Iface> all = o.capture.interfaces;
        assertEquals(3, all.size());
        CaptureArgs.Iface a = all.get(0).over(o.capture.defaults);
        CaptureArgs.Iface b = all.get(1).over(o.capture.defaults);
        CaptureArgs.Iface c = all.get(2).over(o.capture.defaults);
        assertEquals("icmp", a.filter);
        assertEquals("100", a.snapLength);
        assertEquals(Boolean.TRUE, a.noPromiscuous);
        assertEquals("udp", b.filter);
        assertEquals("4", b.bufferSize);
        assertNull(b.noPromiscuous);
        assertEquals("icmp", c.filter);
        assertEquals(Boolean.TRUE, c.monitor);
    }

    private static final List<Devices.Device> DEVICES = List.of(
            new Devices.Device("eth0", null, false, true),
            new Devices.Device("any", null, false, true),
            new Devices.Device("lo", "Loopback", true, true),
            new Devices.Device("ifb0", null, false, false));

    @Test
    void listingAsTshark() {
        assertEquals("1. eth0\n2. any\n3. lo (Loopback)\n4. ifb0\n", Devices.listing(DEVICES));
    }

    @Test
    void interfacesByNumberAndName() throws Exception {
        assertEquals("lo", Devices.resolve("3", DEVICES).name());
        assertEquals("ifb0", Devices.resolve("ifb0", DEVICES).name());
        assertEquals("nosuch", Devices.resolve("nosuch", DEVICES).name());
        for (String bad : new String[] {"0", "5", "99999999999999999999"}) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(io.jcap.capture.CaptureException.class,
                    () -> Devices.resolve(bad, DEVICES));
            assertEquals("There is no interface with that adapter index", e.getMessage());
        }
    }

    @Test
    void defaultIsFirstNonLoopbackThatIsUp() throws Exception {
        assertEquals("eth0", Devices.defaultDevice(DEVICES).name());
        List<Devices.Device> loFirst = List.of(DEVICES.get(2), DEVICES.get(3), DEVICES.get(0));
        assertEquals("eth0", Devices.defaultDevice(loFirst).name());
        assertEquals("lo", Devices.defaultDevice(List.of(DEVICES.get(2))).name());
    }

    @Test
    void capturingOnNames() {
        InterfaceRequest lo = new InterfaceRequest(DEVICES.get(2), null, 0, true, 0, false);
        InterfaceRequest eth = new InterfaceRequest(DEVICES.get(0), null, 0, true, 0, false);
        InterfaceRequest any = new InterfaceRequest(DEVICES.get(1), null, 0, true, 0, false);
        assertEquals("'Loopback: lo'", CaptureJob.names(List.of(lo)));
        assertEquals("'Loopback: lo' and 'eth0'", CaptureJob.names(List.of(lo, eth)));
        assertEquals("'Loopback: lo', 'eth0', and 'any'", CaptureJob.names(List.of(lo, eth, any)));
    }
}
