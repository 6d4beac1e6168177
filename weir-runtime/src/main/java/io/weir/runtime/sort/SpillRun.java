package io.weir.runtime.sort;

import java.nio.file.Path;

/** A sorted run on disk; the entry count lets the reader detect a file cut short at a block boundary. */
record SpillRun(Path file, long entries, long bytes) {
}
