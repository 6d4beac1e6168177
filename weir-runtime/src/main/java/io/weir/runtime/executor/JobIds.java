package io.weir.runtime.executor;

import java.util.concurrent.ThreadLocalRandom;

/** Makes the id of a job run, which sinks use to tell apart the files of runs writing to the same place. */
final class JobIds {
    private JobIds() {
    }

    /**
     * 32 hex digits. Not UUID.randomUUID(): its SecureRandom costs a trivial job's start about 10 ms, and the id
     * needs to be unlikely to repeat, not unguessable.
     */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
