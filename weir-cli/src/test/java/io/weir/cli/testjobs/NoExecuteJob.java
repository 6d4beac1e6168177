package io.weir.cli.testjobs;

/** A main that builds nothing and never calls execute(). */
public final class NoExecuteJob {
    private NoExecuteJob() {
    }

    public static void main(String[] args) {
    }
}
