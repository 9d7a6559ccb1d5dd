package io.jcap.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jcap -h lists every option jcap accepts, in tshark's layout. */
class UsageTest {
    private static String usage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Jcap.run(new String[] {"-h"}, out, new PrintStream(new ByteArrayOutputStream(), true)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyOptionIsListed() {
        String text = usage();
        List<String> missing = new ArrayList<>();
        for (OptionSpec o : Options.spec(new Options()).options()) {
            if (o.hidden()) {
                continue;
            }
            for (String name : o.names()) {
                // an option starts its line (after two spaces) or follows "-r <infile>, " on it
                Pattern p = Pattern.compile("(?m)^  (-\\S+( <[^>]+>)?( \\.\\.\\.)?, )?" + Pattern.quote(name)
                        + "([ ,<]|$)");
                if (!p.matcher(text).find()) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "options missing from jcap -h: " + missing + "\n" + text);
    }

    @Test
    void tsharkSections() {
        String text = usage();
        int last = -1;
        for (String section : List.of("Usage: jcap [options] ...", "Capture stop conditions:", "Input file:",
                "Processing:", "Output:", "Miscellaneous:")) {
            int at = text.indexOf("\n" + section + "\n");
            assertTrue(at > last, section + " in tshark's order");
            last = at;
        }
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 90, "line too long: " + line);
        }
    }
}
