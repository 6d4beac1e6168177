package io.weir.api.connector.sink;

import java.nio.file.Path;

/**
 * A sink that writes files into a directory of the local file system. A job in which this directory is, or lies
 * inside, the path of one of its {@link io.weir.api.connector.source.FileInput}s is rejected when it is built: it
 * would read its own output, during the run or on the next one.
 */
public interface FileOutput {
    /** The directory this sink writes into, as given by the user. */
    Path outputDirectory();
}
