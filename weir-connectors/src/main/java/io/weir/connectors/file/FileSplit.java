package io.weir.connectors.file;

import io.weir.api.connector.source.SourceSplit;

import java.io.Serializable;

/**
 * The byte range {@code [start, start + length)} of one file. A reader emits the lines that <em>start</em> in
 * this range, so a line that crosses the end is read whole by this split and skipped by the next one.
 *
 * @param path   the file, as an absolute path string ({@link java.nio.file.Path} is not serialisable)
 * @param start  offset of the first byte of the range
 * @param length number of bytes in the range, at least 1
 */
public record FileSplit(String path, long start, long length) implements SourceSplit, Serializable {
    public FileSplit {
        if (path == null || start < 0 || length < 1) {
            throw new IllegalArgumentException("Invalid file split: path=" + path + ", start=" + start + ", length=" + length);
        }
    }

    /** Offset just past the last byte of the range. */
    public long end() {
        return start + length;
    }

    @Override
    public String splitId() {
        return path + "[" + start + ",+" + length + "]";
    }
}
