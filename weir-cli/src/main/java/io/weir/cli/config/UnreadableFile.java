package io.weir.cli.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Says why a file could not be read, in words a user can act on. The JDK's exceptions often carry only the
 * path as their message ({@link AccessDeniedException}, {@link NoSuchFileException}), which repeats the name
 * without the reason.
 */
final class UnreadableFile {
    private UnreadableFile() {
    }

    static String why(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied; make it readable by the user running weir";
        }
        if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
            return "it is a symbolic link to '" + target(file) + "', which does not exist; fix or remove the link";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text (" + e + ")";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory, not a file; put the settings into a file of that name";
        }
        if (!Files.isRegularFile(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "it is not a regular file (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException unreadable) {
            return "?";
        }
    }
}
