package io.weir.connectors.file;

import io.weir.api.connector.source.SourceSplit;

import java.io.Serializable;

/**
 * The byte range {@code [start, start + length)} of one file, or the whole of a stream (a pipe, FIFO or device
 * such as {@code /dev/stdin}), which has no size to cut and can be read only once. A reader emits the lines that
 * <em>start</em> in the range, so a line that crosses the end is read whole by this split and skipped by the
 * next one.
 *
 * @param path     the file, as an absolute path string ({@link java.nio.file.Path} is not serialisable)
 * @param start    offset of the first byte of the range
 * @param length   number of bytes in the range, at least 1; {@link Long#MAX_VALUE} for a stream
 * @param streamId for a stream, an id that is the same for every copy of the one {@link FileSource} reading it,
 *                 so a second read is recognised (see {@link ReadOnceInputs}); null for a byte range of a file
 */
public record FileSplit(String path, long start, long length, String streamId) implements SourceSplit, Serializable {
    public FileSplit {
        if (path == null || start < 0 || length < 1 || (streamId != null && (start != 0 || length != Long.MAX_VALUE))) {
            throw new IllegalArgumentException("Invalid file split: path=" + path + ", start=" + start + ", length="
                    + length + ", streamId=" + streamId);
        }
    }

    /** A byte range of a regular file. */
    public FileSplit(String path, long start, long length) {
        this(path, start, length, null);
    }

    /** The whole of the stream at {@code path}, read once, up to its end. */
    static FileSplit wholeStream(String path, String streamId) {
        return new FileSplit(path, 0, Long.MAX_VALUE, streamId);
    }

    public boolean isStream() {
        return streamId != null;
    }

    /** Offset just past the last byte of the range ({@link Long#MAX_VALUE} for a stream: read to its end). */
    public long end() {
        return start + length;
    }

    @Override
    public String splitId() {
        return isStream() ? path + "[stream]" : path + "[" + start + ",+" + length + "]";
    }
}
