package io.weir.cli.testjobs;

/** Not a job: no main method. */
public final class NoMainClass {
    private NoMainClass() {
    }
}
