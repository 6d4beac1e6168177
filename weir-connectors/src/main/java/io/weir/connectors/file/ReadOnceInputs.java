package io.weir.connectors.file;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for this JVM, which stream inputs (pipes, FIFOs, {@code /dev/stdin}) have been opened, so that a
 * second read fails instead of silently seeing only what is left of the stream, or nothing. A second read
 * happens when a job restarts (STREAMING), a source task is retried (BATCH), or {@code execute()} runs the
 * same {@link FileSource} again. Each entry is a short id; there is one per stream source ever read.
 */
final class ReadOnceInputs {
    private static final Set<String> OPENED = ConcurrentHashMap.newKeySet();

    private ReadOnceInputs() {
    }

    /** Records that {@code split} is being read; throws if it was read before. */
    static void claim(FileSplit split) throws IOException {
        if (!OPENED.add(split.streamId())) {
            throw new IOException("Input '" + split.path() + "' is a pipe, FIFO or device, which can be read only "
                    + "once, and it was already read (the job was restarted or its source retried, or the same "
                    + "FileSource ran again). Save the input to a regular file and read that, so it can be re-read.");
        }
    }
}
