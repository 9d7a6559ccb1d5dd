package io.jcap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Creates capture files, with tshark's messages when that fails. */
public final class OutputFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OutputFiles() {
    }

    /**
     * Opens {@code name} for writing, truncated. With {@code ownerOnly} a file this call
     * creates gets mode 0600 whatever the umask, as dumpcap's files (an existing file keeps
     * its mode, as with open(2)); without it the umask decides, as for tshark -r -w.
     */
    public static OutputStream create(String name, boolean ownerOnly) throws IOException {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new IOException("\"" + name + "\" is a directory (folder), not a file.");
        }
        try {
            boolean existed = Files.exists(path);
            Set<StandardOpenOption> options = EnumSet.of(
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            OutputStream out = Channels.newOutputStream(ownerOnly
                    ? Files.newByteChannel(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.newByteChannel(path, options));
            if (ownerOnly && !existed) {
                // created 0600 less the umask: set it again so that no umask matters
                try {
                    Files.setPosixFilePermissions(path, OWNER_ONLY);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: nothing to restrict
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IOException("The path to the file \"" + name + "\" doesn't exist.");
        } catch (AccessDeniedException e) {
            throw new IOException("You don't have permission to create or write to the file \"" + name + "\".");
        } catch (IOException e) {
            throw new IOException("The file \"" + name + "\" could not be created: " + e.getMessage() + ".");
        }
    }
}
