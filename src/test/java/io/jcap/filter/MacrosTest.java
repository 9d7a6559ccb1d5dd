package io.jcap.filter;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Display filter macro expansion; the messages are tshark 4.0's (checked with its dfilter_macros). */
class MacrosTest {
    private static final Map<String, String> MACROS = Map.of(
            "two", "ip.src == $1 && ip.dst == $2",
            "one", "ip.addr == $1",
            "nest", "${one:10.0.0.1} || ${one:$1}",
            "e", "frame.len == $1",
            "plain", "tcp",
            "loop", "${loop}");
    private static final Set<String> FIELDS = Set.of("ip.src", "tcp.stream");

    private static String expand(String text) throws FilterException {
        return Macros.expand(text, MACROS, FIELDS::contains);
    }

    private static String error(String text) {
        return assertThrows(FilterException.class, () -> expand(text)).getMessage();
    }

    @Test
    void argumentsReplaceTheirNumbers() throws FilterException {
        assertEquals("ip.src == 1.1.1.1 && ip.dst == 2.2.2.2", expand("${two:1.1.1.1;2.2.2.2}"));
        assertEquals("not (ip.addr == 10.1.1.1)", expand("not (${one:10.1.1.1})"));
        assertEquals("tcp && udp", expand("${plain} && udp"));
    }

    @Test
    void macrosInAMacrosTextExpandToo() throws FilterException {
        assertEquals("ip.addr == 10.0.0.1 || ip.addr == 192.168.1.1", expand("${nest:192.168.1.1}"));
    }

    @Test
    void aBackslashEscapesTheSeparatorAndTheClosingBrace() throws FilterException {
        assertEquals("frame.len == 60;", expand("${e:60\\;}"));
        assertEquals("frame.len == 6}0", expand("${e:6\\}0}"));
    }

    @Test
    void aFieldReferenceStays() throws FilterException {
        assertEquals("tcp.stream == ${tcp.stream}", expand("tcp.stream == ${tcp.stream}"));
        assertEquals("${ip.src#2} == 1.1.1.1", expand("${ip.src#2} == 1.1.1.1"));
        assertEquals("no macro here", expand("no macro here"));
    }

    @Test
    void errorsInTsharksWords() {
        assertEquals("wrong number of arguments for macro 'two', expecting 2 instead of 1", error("${two:1.1.1.1}"));
        assertEquals("wrong number of arguments for macro 'two', expecting 2 instead of 3", error("${two:1;2;3}"));
        assertEquals("macro 'nope' does not exist", error("${nope:1}"));
        assertEquals("macro 'nope' does not exist", error("${nope}"));
        // tshark 4.0 separates the name from the arguments with ':' only
        assertEquals("invalid character in macro name", error("${one;192.168.1.1}"));
        assertEquals("end of filter in the middle of a macro expression", error("${one:1.1.1.1"));
        assertEquals("too deep recursion in macros", error("${loop}"));
    }
}
