package io.weir.runtime.exchange.blocking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the result partition of one producer subtask, for one of its outputs, lives on disk:
 * <pre>
 *  &lt;workDir&gt;/&lt;job&gt;/task-&lt;vertex&gt;-sub-&lt;subtask&gt;-attempt-&lt;n&gt;-out-&lt;output&gt;.data     records, in blocks
 *                                                            .index    where each sub-partition's blocks are
 *  ... .data.inprogress / .index.inprogress                             while the producer writes
 * </pre>
 * {@code output} numbers the producer's outgoing exchanges (a task with two downstream consumers writes two
 * partitions). The attempt is in the name so that a retried producer never overwrites files a consumer
 * may be reading. A partition is complete exactly when its {@code .index} exists: the writer renames the
 * data file into place first and the index last.
 */
public record ResultPartitionFiles(Path dataFile, Path indexFile) {
    private static final String IN_PROGRESS = ".inprogress";

    public static ResultPartitionFiles of(Path workDir, String jobId, int vertex, int subtask, int attempt,
                                          int output) {
        return at(producerDirectory(workDir, jobId).resolve(producerPrefix(vertex, subtask) + attempt
                + "-out-" + output));
    }

    /** {@code prefix.data} and {@code prefix.index}. */
    public static ResultPartitionFiles at(Path prefix) {
        String name = prefix.getFileName().toString();
        return new ResultPartitionFiles(prefix.resolveSibling(name + ".data"), prefix.resolveSibling(name + ".index"));
    }

    /** The job's directory inside the work directory; the job id is reduced to file-name-safe characters. */
    public static Path producerDirectory(Path workDir, String jobId) {
        return workDir.resolve(jobId.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    public Path inProgressDataFile() {
        return dataFile.resolveSibling(dataFile.getFileName() + IN_PROGRESS);
    }

    public Path inProgressIndexFile() {
        return indexFile.resolveSibling(indexFile.getFileName() + IN_PROGRESS);
    }

    public boolean isComplete() {
        return Files.exists(indexFile) && Files.exists(dataFile);
    }

    /** Deletes the partition, finished or not; missing files are fine. */
    public void delete() {
        try {
            Files.deleteIfExists(indexFile);
            Files.deleteIfExists(dataFile);
            Files.deleteIfExists(inProgressIndexFile());
            Files.deleteIfExists(inProgressDataFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete result partition " + dataFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every partition of one producer subtask: all attempts, all outputs, finished or not. Used
     * before the producer runs again after its results were lost, and when the job ends.
     */
    public static int deleteProducer(Path workDir, String jobId, int vertex, int subtask) {
        Path dir = producerDirectory(workDir, jobId);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        String glob = producerPrefix(vertex, subtask) + "*-out-*.{data,index}*";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the result partitions of task " + vertex + " subtask "
                    + subtask + " in " + dir + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    private static String producerPrefix(int vertex, int subtask) {
        return "task-" + vertex + "-sub-" + subtask + "-attempt-";
    }

    @Override
    public String toString() {
        return dataFile.toString().substring(0, dataFile.toString().length() - ".data".length());
    }
}
