package io.jcap.saved;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading saved filters: Wireshark's file formats, the user's entries over the shipped ones, bad lines reported. */
class SavedFiltersTest {
    @TempDir
    Path tmp;

    @Test
    void shippedFilesHaveNoBadLines() {
        List<String> problems = new ArrayList<>();
        SavedFilters saved = new SavedFilters(List.of(Path.of("filters")), problems::add);
        assertEquals("tcp", saved.captureFilters().get("TCP only"));
        assertEquals("http.request", saved.displayFilters().get("HTTP requests"));
        assertEquals("tcp.port == $1 || udp.port == $1", saved.macros().get("port"));
        assertTrue(saved.captureFilters().size() >= 15);
        assertTrue(saved.displayFilters().size() >= 15);
        assertTrue(saved.macros().size() >= 6);
        assertEquals(List.of(), problems);
    }

    @Test
    void userEntriesReplaceShippedOnesAndAddTheirOwn() throws IOException {
        Path shipped = Files.createDirectories(tmp.resolve("shipped"));
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(shipped.resolve("cfilters"), "\"web\" tcp port 80\n\"dns\" port 53\n");
        Files.writeString(user.resolve("cfilters"), "# mine\n\n\"web\" tcp port 8080\n\"ssh\"  tcp port 22  \n");
        List<String> problems = new ArrayList<>();
        Map<String, String> filters = new SavedFilters(List.of(shipped, user, tmp.resolve("missing")), problems::add)
                .captureFilters();
        assertEquals(Map.of("web", "tcp port 8080", "dns", "port 53", "ssh", "tcp port 22"), filters);
        assertEquals(List.of(), problems);
    }

    @Test
    void badFilterLinesAreReportedInTsharksWordsAndSkipped() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        Files.writeString(dir.resolve("dfilters"), "\"ok\" tcp\nno quotes\n\"no expression\"\n\"open quote tcp\n"
                + "\"esc \\\"aped\\\"\" udp\n");
        List<String> problems = new ArrayList<>();
        Map<String, String> filters = new SavedFilters(List.of(dir), problems::add).displayFilters();
        assertEquals(Map.of("ok", "tcp", "esc \"aped\"", "udp"), filters);
        Path f = dir.resolve("dfilters");
        assertEquals(List.of(
                "'" + f + "' line 2 doesn't have a quoted filter name.",
                "'" + f + "' line 3 doesn't have a filter expression.",
                "'" + f + "' line 4 doesn't have a quoted filter name."), problems);
    }

    @Test
    void macroTableLinesAndTheirProblems() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(dir.resolve("dfilter_macros"), "# comment\n\"a\",\"ip.src == $1\"\n"
                + "\"b\" , \"frame.len > $1\"\noops\n\"bad.name\",\"x\"\n\"c\",\"x\" trailing\n\"d\"\n");
        List<String> problems = new ArrayList<>();
        Map<String, String> macros = new SavedFilters(List.of(dir), problems::add).macros();
        assertEquals(Map.of("a", "ip.src == $1", "b", "frame.len > $1"), macros);
        String at = "Error loading table 'Display Filter Macros': " + dir.resolve("dfilter_macros") + ":";
        assertEquals(List.of(
                at + "4: unexpected char 'o' while looking for field name",
                at + "5: invalid character in macro name \"bad.name\"",
                at + "6: text after the macro's closing quote",
                at + "7: a comma must follow the name"), problems);
    }

    @Test
    void anUnreadableFileIsReportedNotThrown() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bin"));
        Files.write(dir.resolve("cfilters"), new byte[] {'"', 'a', '"', ' ', (byte) 0xff, (byte) 0xfe});
        List<String> problems = new ArrayList<>();
        assertEquals(Map.of(), new SavedFilters(List.of(dir), problems::add).captureFilters());
        assertEquals(List.of(dir.resolve("cfilters") + ": not UTF-8 text"), problems);
    }
}
