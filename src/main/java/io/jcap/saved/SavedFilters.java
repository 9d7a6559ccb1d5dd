package io.jcap.saved;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The saved filters of a run: named capture filters (cfilters), named display filters
 * (dfilters) and display filter macros (dfilter_macros), read first from the directory
 * shipped with jcap and then from the user's, whose entries replace shipped ones of the
 * same name. Files are read only when a run asks for them.
 */
public final class SavedFilters {
    public static final String CAPTURE_FILTERS = "cfilters";
    public static final String DISPLAY_FILTERS = "dfilters";
    public static final String MACROS = "dfilter_macros";

    private final List<Path> directories;
    private final Consumer<String> problems;

    /** {@code directories}: where to look, in order; {@code problems}: one line per bad line met. */
    public SavedFilters(List<Path> directories, Consumer<String> problems) {
        this.directories = List.copyOf(directories);
        this.problems = problems;
    }

    /**
     * The standard places: the {@code filters} directory shipped beside jcap (the
     * {@code jcap.home} property, which the launcher sets) and the user's
     * {@code $XDG_CONFIG_HOME/jcap} or {@code ~/.config/jcap}.
     */
    public static List<Path> standardDirectories() {
        List<Path> dirs = new java.util.ArrayList<>();
        String home = System.getProperty("jcap.home");
        dirs.add(home != null ? Path.of(home, "filters") : Path.of("filters"));
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        dirs.add(config.resolve("jcap"));
        return dirs;
    }

    public Map<String, String> captureFilters() {
        return FilterList.readAll(files(CAPTURE_FILTERS), problems);
    }

    public Map<String, String> displayFilters() {
        return FilterList.readAll(files(DISPLAY_FILTERS), problems);
    }

    public Map<String, String> macros() {
        return MacroTable.readAll(files(MACROS), problems);
    }

    private List<Path> files(String name) {
        return directories.stream().map(d -> d.resolve(name)).toList();
    }
}
