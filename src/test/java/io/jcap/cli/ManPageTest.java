package io.jcap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * man/jcap.1: every example runs, it names the same options as jcap -h (and --help, which
 * prints the same), and groff renders it without a warning.
 */
class ManPageTest {
    private static final Path PAGE = Path.of("man/jcap.1");

    @TempDir
    Path scratch;

    private static List<String> lines() throws IOException {
        return Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    }

    /** The page's text with roff's escapes for '-' and '\' undone. */
    private static String plain(String roff) {
        return roff.replace("\\-", "-").replace("\\e", "\\").replaceAll("\\\\f[BIRP]", "");
    }

    /** The lines of the .EX blocks after .SH EXAMPLES. */
    private static List<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        boolean inExamples = false;
        boolean inBlock = false;
        for (String l : lines()) {
            if (l.startsWith(".SH")) {
                inExamples = l.contains("EXAMPLES");
            } else if (inExamples && l.equals(".EX")) {
                inBlock = true;
            } else if (l.equals(".EE")) {
                inBlock = false;
            } else if (inExamples && inBlock) {
                out.add(plain(l));
            }
        }
        return out;
    }

    @Test
    void everyExampleRuns() throws Exception {
        List<String> commands = DocumentedCommands.commands(examples());
        assertTrue(commands.size() >= 10, commands::toString);
        DocumentedCommands run = new DocumentedCommands(scratch);
        for (String c : commands) {
            if (c.contains(" -i ") && !DocumentedCommands.canCapture()) {
                continue;
            }
            run.run(c);
        }
    }

    /** Options as they begin an entry of -h ("  -i <interface>, --interface ...") or a .TP of the page. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[A-Za-z0-9][\\w-]*)");

    @Test
    void namesTheOptionsOfHelp() throws IOException {
        JcapRun help = JcapRun.of("-h");
        assertEquals(help.stdout(), JcapRun.of("--help").stdout());
        Set<String> inHelp = new TreeSet<>();
        for (String l : help.stdout().split("\n")) {
            // an entry starts at column 2; its continuation lines are indented further
            if (l.startsWith("  -")) {
                for (String part : l.strip().split(",\\s+|\\s{2,}")) {
                    Matcher m = OPTION.matcher(part);
                    if (m.lookingAt()) {
                        inHelp.add(m.group(1));
                    }
                }
            }
        }
        Set<String> inPage = new TreeSet<>();
        List<String> page = lines();
        for (int i = 0; i + 1 < page.size(); i++) {
            if (page.get(i).equals(".TP") && page.get(i + 1).matches("\\.B[IR]* *\"?\\\\-.*")) {
                Matcher m = OPTION.matcher(plain(page.get(i + 1)).replaceAll("\"", " "));
                while (m.find()) {
                    inPage.add(m.group(1));
                }
            }
        }
        Set<String> missing = new TreeSet<>(inHelp);
        missing.removeAll(inPage);
        assertEquals(Set.of(), missing, "options of -h that the man page lacks");
        Set<String> extra = new TreeSet<>(inPage);
        extra.removeAll(inHelp);
        assertEquals(Set.of(), extra, "options of the man page that -h lacks");
    }

    @Test
    void rendersWithoutWarnings() throws Exception {
        assumeTrue(ExternalTool.onPath("groff"), "needs groff");
        ExternalTool.Result r = ExternalTool.run(null, "groff", "-man", "-ww", "-z", "-Tutf8", PAGE.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.stderr());
    }
}
