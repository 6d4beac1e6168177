package io.weir.connectors.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the files under an input path and cuts them into {@link FileSplit}s of at most one block each.
 * Runs once per job, on the thread that creates the enumerator.
 */
final class FileSplitter {
    private FileSplitter() {
    }

    /**
     * The splits of every regular file at or below {@code input}, files in path order and each file's
     * blocks in offset order, so that plans and tests are deterministic. Empty files give no split. An
     * {@code input} that is a stream (see {@link #isStream}) is one split, read whole by one reader.
     *
     * @param streamId the id a stream split gets (see {@link FileSplit#streamId()})
     */
    static List<FileSplit> split(Path input, long blockSize, String streamId) throws IOException {
        if (isStream(input)) {
            checkReadable(input);
            return List.of(FileSplit.wholeStream(input.toAbsolutePath().normalize().toString(), streamId));
        }
        List<FileSplit> splits = new ArrayList<>();
        for (Path file : listFiles(input)) {
            long size = Files.size(file);
            String name = file.toString();
            for (long start = 0; start < size; start += blockSize) {
                splits.add(new FileSplit(name, start, Math.min(blockSize, size - start)));
            }
        }
        return splits;
    }

    /**
     * {@code input} itself if it is a file; otherwise the regular files below it, recursively, skipping files
     * and directories whose names start with '.' or '_' (in-progress output, markers such as {@code _SUCCESS}).
     * The input path itself is never skipped for its name: the user asked for it explicitly.
     */
    static List<Path> listFiles(Path input) throws IOException {
        Path root = input.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            if (Files.isSymbolicLink(root)) {
                throw new FileNotFoundException("Input path '" + input + "' is a symbolic link to '"
                        + Files.readSymbolicLink(root) + "', which does not exist; fix the link or the path given to "
                        + "FileSource");
            }
            throw new FileNotFoundException("Input path '" + input + "' does not exist" + resolvedHint(input, root)
                    + "; check the path given to FileSource");
        }
        if (!Files.isDirectory(root)) {
            checkReadable(root);
            return List.of(root);
        }
        List<Path> files = new ArrayList<>();
        // Following links lets a directory of symlinked inputs work; loops are reported and skipped below.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !isHidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (isHidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    // Links are followed, so the walk hands over a link's own attributes only when its target
                    // is gone: skipping it would silently drop an input the user meant to read.
                    throw new FileNotFoundException("Input directory '" + input + "' holds '" + file
                            + "', a symbolic link to '" + Files.readSymbolicLink(file) + "', which does not exist; "
                            + "fix or remove the link (or rename it to start with '_' or '.' to skip it)");
                }
                if (!attrs.isRegularFile()) {
                    // A FIFO or device inside a directory may never end (nothing writes to it), and its name
                    // does not say it is meant as input: only one given as the input path itself is read.
                    throw new IOException("Input directory '" + input + "' holds '" + file + "', which is not a "
                            + "regular file (a FIFO, socket or device). Remove it from the directory, or give it "
                            + "as the input path itself to read it once as a stream");
                }
                checkReadable(file);
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException || isHidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                throw new IOException("Cannot list input path '" + file + "': " + e, e);
            }
        });
        files.sort(null);
        return files;
    }

    /**
     * True for an existing path that is neither a regular file nor a directory once links are followed: a pipe
     * ({@code /dev/stdin} fed by {@code |}), a FIFO, or a device. It has no size to split by, so it is read
     * whole, once, up to its end of file.
     */
    static boolean isStream(Path path) {
        return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.startsWith(".") || s.startsWith("_");
    }

    private static void checkReadable(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("Input file '" + file + "' is not readable; check its permissions");
        }
    }

    private static String resolvedHint(Path given, Path resolved) {
        return given.isAbsolute() ? "" : " (resolved to '" + resolved + "')";
    }
}
