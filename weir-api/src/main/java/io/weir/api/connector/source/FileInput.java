package io.weir.api.connector.source;

import java.nio.file.Path;

/**
 * A source that reads the file at, or the files below, a path of the local file system. Declaring it lets a job
 * be checked, when it is built, for a file sink that writes into what the job reads (see
 * {@link io.weir.api.connector.sink.FileOutput}).
 */
public interface FileInput {
    /** The file or directory this source reads, as given by the user. */
    Path inputPath();
}
