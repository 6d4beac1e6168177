package io.weir.runtime.sort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every file one sorter creates, from creation to deletion, and the errors that name the spill directory and the
 * setting that chose it. A file is registered before its first byte is written, so {@link #deleteAll()} leaves
 * nothing behind whatever failed in between.
 */
final class SpillFiles {
    static final String SPILL_DIRECTORY_SETTING = "io.tmp.dirs";

    private final Path directory;
    private final String sorterName;
    private final String filePrefix;
    private final Set<Path> files = new LinkedHashSet<>();

    SpillFiles(Path directory, String sorterName) {
        this.directory = directory;
        this.sorterName = sorterName;
        this.filePrefix = "weir-sort-" + safeForFileName(sorterName) + "-";
    }

    Path create() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("Sort '" + sorterName + "' cannot spill: the spill directory " + directory
                    + " does not exist or is not a directory. Create it or point the setting '"
                    + SPILL_DIRECTORY_SETTING + "' at an existing writable directory.");
        }
        try {
            Path file = Files.createTempFile(directory, filePrefix, ".run");
            files.add(file);
            return file;
        } catch (IOException e) {
            throw writeFailed(null, e);
        }
    }

    /** Wraps a failure to create or write a spill file into an error that says where and what to do. */
    IOException writeFailed(Path file, IOException cause) {
        String what = file == null ? "create a spill file in " + directory : "write spill file " + file;
        return new IOException("Sort '" + sorterName + "' could not " + what + " (" + cause
                + "). The spill directory must exist, be writable and have free space for about the size of"
                + " the sorted data; check the disk or point the setting '" + SPILL_DIRECTORY_SETTING
                + "' at another directory.", cause);
    }

    IOException readFailed(Path file, IOException cause) {
        return new IOException("Sort '" + sorterName + "' could not read back spill file " + file + " (" + cause
                + "). Spill files must stay in place until the sort ends; check the disk and that nothing else"
                + " cleans the directory set by '" + SPILL_DIRECTORY_SETTING + "'.", cause);
    }

    CorruptSpillFileException corrupt(Path file, String detail) {
        return new CorruptSpillFileException(sorterName, file, detail);
    }

    void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        files.remove(file);
    }

    /** Deletes every file still registered; tries them all, then reports the ones that could not go. */
    void deleteAll() {
        List<Path> failed = new ArrayList<>();
        IOException first = null;
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failed.add(file);
                first = first == null ? e : first;
            }
        }
        files.clear();
        if (first != null) {
            throw new UncheckedIOException("Sort '" + sorterName + "' could not delete its spill files " + failed
                    + "; remove them by hand.", first);
        }
    }

    int liveFiles() {
        return files.size();
    }

    String sorterName() {
        return sorterName;
    }

    private static String safeForFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }
}
