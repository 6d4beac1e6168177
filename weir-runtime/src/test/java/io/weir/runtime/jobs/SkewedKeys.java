package io.weir.runtime.jobs;

import java.util.Random;

/**
 * Keys for seeded random inputs: about 30% of records share one hot key, the rest spread over a long tail of
 * {@code tail} keys, so that one subtask gets far more work than the others and most keys have few records.
 */
final class SkewedKeys {
    static final String HOT = "hot";

    private final Random random;
    private final int tail;

    SkewedKeys(Random random, int tail) {
        this.random = random;
        this.tail = tail;
    }

    String next() {
        return random.nextInt(10) < 3 ? HOT : "k" + random.nextInt(tail);
    }
}
