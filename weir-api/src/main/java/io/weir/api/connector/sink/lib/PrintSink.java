package io.weir.api.connector.sink.lib;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} on its own line to standard out (or err), with a {@code N> }
 * prefix (the 1-based subtask) when the sink runs with more than one subtask, as Flink does. In BATCH a
 * subtask prints its lines when its input has ended, so that a retried attempt never prints a line twice.
 */
public final class PrintSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final boolean stdErr;
    private final String identifier;

    public PrintSink() {
        this(null, false);
    }

    public PrintSink(String identifier, boolean stdErr) {
        this.identifier = identifier;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        PrintStream stream = stdErr ? System.err : System.out;
        String subtask = context.getNumberOfParallelSubtasks() > 1 ? String.valueOf(context.getSubtaskId() + 1) : null;
        String prefix;
        if (identifier != null && subtask != null) {
            prefix = identifier + ":" + subtask + "> ";
        } else if (identifier != null) {
            prefix = identifier + "> ";
        } else if (subtask != null) {
            prefix = subtask + "> ";
        } else {
            prefix = "";
        }
        if (context.publishesAtEndOfInput()) {
            // BATCH: a retried attempt replays its input, so lines are printed only once the attempt succeeded.
            return new SinkWriter<>() {
                private final StringBuilder lines = new StringBuilder();

                @Override
                public void write(T element, Context ctx) {
                    lines.append(prefix).append(element).append(System.lineSeparator());
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (endOfInput) {
                        stream.print(lines);
                        stream.flush();
                        lines.setLength(0);
                    }
                }

                @Override
                public void close() {
                    lines.setLength(0);
                }
            };
        }
        return new SinkWriter<>() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(T element, Context ctx) {
                line.setLength(0);
                line.append(prefix).append(element);
                stream.println(line);
            }

            @Override
            public void flush(boolean endOfInput) {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        };
    }
}
