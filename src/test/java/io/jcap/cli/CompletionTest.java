package io.jcap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * completion/jcap.bash in a real bash: what it offers for a command line typed so far
 * (COMP_WORDS up to the cursor), with this build's jcap on the path. completion/_jcap
 * must at least be valid zsh where zsh is installed.
 */
class CompletionTest {
    @TempDir
    Path scratch;
    private DocumentedCommands shell;

    private String complete(String... words) throws Exception {
        StringBuilder script = new StringBuilder("source '" + Path.of("completion/jcap.bash").toAbsolutePath()
                + "'; COMP_WORDS=(jcap");
        for (String w : words) {
            script.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        script.append("); COMP_CWORD=").append(words.length).append("; _jcap; printf '%s\\n' \"${COMPREPLY[@]}\"");
        if (shell == null) {
            shell = new DocumentedCommands(scratch);
        }
        return shell.output(script.toString()).strip();
    }

    @Test
    void options() throws Exception {
        assertEquals("--display-filter", complete("--disp"));
        assertEquals("-V", complete("-V"));
    }

    @Test
    void interfaceNamesAfterI() throws Exception {
        assertEquals("lo", complete("-i", "l"));
    }

    @Test
    void fieldNamesAfterEAndInsideFilters() throws Exception {
        assertEquals("dns.qry.name\ndns.qry.name.len", complete("-e", "dns.qry.na"));
        assertEquals("'tcp && tcp.flags.syn", complete("-Y", "'tcp && tcp.flags.sy"));
        assertEquals("!(ip.src\n!(ip.src_host", complete("-R", "!(ip.src").lines().limit(2)
                .reduce((a, b) -> a + "\n" + b).orElse(""));
    }

    @Test
    void savedCaptureFiltersAfterPredef() throws Exception {
        assertEquals("predef:TCP only\npredef:TCP SYN or FIN\npredef:TCP resets", complete("-f", "predef:TCP"));
    }

    @Test
    void formats() throws Exception {
        assertEquals("json\njsonraw", complete("-T", "js"));
    }

    @Test
    void zshScriptParses() throws Exception {
        assumeTrue(ExternalTool.onPath("zsh"), "needs zsh");
        ExternalTool.Result r = ExternalTool.run(null, "zsh", "-n", "completion/_jcap");
        assertEquals(0, r.status(), r.toString());
    }
}
