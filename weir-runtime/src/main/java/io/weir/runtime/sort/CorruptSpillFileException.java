package io.weir.runtime.sort;

import java.io.IOException;
import java.nio.file.Path;

/** A spill file read back does not hold what the sorter wrote: damaged or changed on disk after writing. */
public final class CorruptSpillFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;

    CorruptSpillFileException(String sorterName, Path file, String detail) {
        super("Spill file " + file + " of sort '" + sorterName + "' is corrupt: " + detail
                + ". It was damaged or changed on disk after it was written; check the disk behind the spill"
                + " directory (setting '" + SpillFiles.SPILL_DIRECTORY_SETTING + "') and rerun the job.");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
