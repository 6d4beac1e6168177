package io.weir.tests.jobs;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.connectors.file.FileSink;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code --output <directory>}: writes "a", "b", "c" to a file sink, but holds its first record until standard
 * input ends, after printing {@value #READY} on standard out. While it holds, the job owns its output directory,
 * so a test can start a second job on it at a moment of its choosing.
 */
public final class WritesUntilStdinCloses {
    public static final String READY = "holding the output directory";

    private WritesUntilStdinCloses() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--output")) {
            throw new IllegalArgumentException("Usage: WritesUntilStdinCloses --output <directory>");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements("a", "b", "c").setParallelism(1)
                .map(new HoldFirstRecordUntilStdinCloses()).setParallelism(1)
                .sinkTo(FileSink.<String>forTextLines(args[1])).setParallelism(1).name("files");
        env.execute("writes until stdin closes");
    }

    static final class HoldFirstRecordUntilStdinCloses implements MapFunction<String, String> {
        private boolean held;

        @Override
        public String map(String value) throws IOException {
            if (!held) {
                held = true;
                System.out.println(READY);
                System.out.flush();
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // wait for the end of standard input
                }
            }
            return value;
        }
    }
}
