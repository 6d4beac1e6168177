package io.weir.runtime.graph;

import java.io.Serializable;

/** What "now" means for processing time: the wall clock (STREAMING), or one instant for the whole job (BATCH). */
@FunctionalInterface
public interface ProcessingClock extends Serializable {
    long currentTimeMillis();

    ProcessingClock WALL_CLOCK = System::currentTimeMillis;

    /** BATCH: processing time does not advance while the job runs. */
    static ProcessingClock frozenAt(long millis) {
        return () -> millis;
    }
}
