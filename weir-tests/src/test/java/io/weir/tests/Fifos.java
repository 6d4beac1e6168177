package io.weir.tests;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/** Named pipes for the tests that feed a job through one, made by the system's {@code mkfifo}. */
final class Fifos {
    private Fifos() {
    }

    /** Creates a FIFO at {@code path}; a machine without {@code mkfifo} skips the calling test. */
    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            return abort("needs the mkfifo command: " + noMkfifo.getMessage());
        }
        assertThat(p.waitFor()).as("mkfifo exit code").isZero();
        return path;
    }
}
