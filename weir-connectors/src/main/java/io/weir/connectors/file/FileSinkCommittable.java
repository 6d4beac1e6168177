package io.weir.connectors.file;

/**
 * One closed, hidden part file waiting to be published: {@code pendingFile} is renamed to {@code partFile} when the
 * job commits. Both are names inside the sink's directory.
 */
public record FileSinkCommittable(String pendingFile, String partFile) {
    public FileSinkCommittable {
        if (pendingFile == null || partFile == null || pendingFile.contains("/") || partFile.contains("/")) {
            throw new IllegalArgumentException("A FileSink committable names two files inside the output directory,"
                    + " not '" + pendingFile + "' and '" + partFile + "'");
        }
    }
}
