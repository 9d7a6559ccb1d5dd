package io.jcap.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The display filter macros shipped in filters/dfilter_macros select the frames tshark 4.0
 * selects with the same file as its dfilter_macros (expected frame numbers made with
 * {@code XDG_CONFIG_HOME=... tshark -r samples/mixed.pcapng -Y FILTER -T fields -e frame.number}).
 * A macro's text is not put in parentheses, so precedence is the caller's, as in tshark.
 */
class ShippedMacrosTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ${private_ipv6:ipv6.src} | 16,17,18,19,20,21,22,23,36,37,38,39,40,41,42,43,44,45,46,47,89,90,91,92,93,94,95,96,97,98,99,100,113,114,133,134
        ${tcp_conv:10.0.0.2;10.0.0.1;80;41078} | 48,49,50,51,52,53,54,55,56,57,58,59
        ${tcp_conv:10.0.0.1;10.0.0.2;34916;80} |
        ${port:53} && ${private_ipv4:ip.dst} | 111,112,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130
        ${private_ipv6:ipv6.src} && ${port:53} | 111,112,113,114,115,116,117,118,119,120
        """)
    void framesAsTshark(String filter, String frames) {
        JcapRun r = JcapRun.of("-r", "samples/mixed.pcapng", "-Y", filter, "-T", "fields", "-e", "frame.number");
        assertEquals(0, r.status(), r::toString);
        assertEquals(frames == null ? "" : frames, r.stdout().strip().replace('\n', ','));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ${tcp_conv:1.1.1.1} | jcap: wrong number of arguments for macro 'tcp_conv', expecting 4 instead of 1
        ${nope}             | jcap: macro 'nope' does not exist
        ${port:5            | jcap: end of filter in the middle of a macro expression
        """)
    void errorsAsTshark(String filter, String message) {
        JcapRun r = JcapRun.of("-r", "samples/mixed.pcapng", "-Y", filter);
        assertEquals(2, r.status(), r::toString);
        assertEquals(message + "\n", r.stderr());
    }
}
