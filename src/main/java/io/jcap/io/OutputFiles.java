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
     * Opens {@code name} for writing, truncated, mode 0600 when this creates it; the
     * file system's own exceptions pass through for the caller's words.
     */
    public static OutputStream createOwnerOnly(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new java.nio.file.FileSystemException(name, null, "Is a directory");
        }
        boolean existed = Files.exists(path);
        Set<StandardOpenOption> options = EnumSet.of(
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(
                Files.newByteChannel(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY)));
        if (!existed) {
            // created 0600 less the umask: set it again so that no umask matters
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
        return out;
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
            if (ownerOnly) {
                return createOwnerOnly(name);
            }
            return Channels.newOutputStream(Files.newByteChannel(path, EnumSet.of(
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)));
        } catch (NoSuchFileException e) {
            throw new IOException("The path to the file \"" + name + "\" doesn't exist.");
        } catch (AccessDeniedException e) {
            throw new IOException("You don't have permission to create or write to the file \"" + name + "\".");
        } catch (IOException e) {
            throw new IOException("The file \"" + name + "\" could not be created: " + e.getMessage() + ".");
        }
    }
}
