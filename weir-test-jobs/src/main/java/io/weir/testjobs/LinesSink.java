package io.weir.testjobs;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A sink of the job's own: each subtask writes its lines, in arrival order, to {@code part-<subtask>} in the
 * output directory, which appears only when its input ended (a failed run leaves no part file).
 */
public final class LinesSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String directory;

    public LinesSink(String directory) {
        this.directory = directory;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
        Path dir = Files.createDirectories(Path.of(directory));
        return new Writer(dir.resolve(".part-" + context.getSubtaskId() + ".inprogress"),
                dir.resolve("part-" + context.getSubtaskId()));
    }

    private static final class Writer implements SinkWriter<String> {
        private final Path inProgress;
        private final Path published;
        private final BufferedWriter out;

        Writer(Path inProgress, Path published) throws IOException {
            this.inProgress = inProgress;
            this.published = published;
            this.out = Files.newBufferedWriter(inProgress);
        }

        @Override
        public void write(String line, Context context) throws IOException {
            out.write(line);
            out.newLine();
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
            if (endOfInput) {
                out.close();
                Files.move(inProgress, published, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(inProgress);
        }
    }
}
