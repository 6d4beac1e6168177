package io.weir.runtime.graph;

import java.io.Serializable;

/** What "now" means for processing time: the wall clock (STREAMING), or one instant for the whole job (BATCH). */
@FunctionalInterface
public interface ProcessingClock extends Serializable {
    long currentTimeMillis();

    /** Whether time moves while the job runs; when it does not, nothing scheduled for later comes due. */
    default boolean advances() {
        return true;
    }

    ProcessingClock WALL_CLOCK = System::currentTimeMillis;

    /** BATCH: processing time does not advance while the job runs. */
    static ProcessingClock frozenAt(long millis) {
        return new Frozen(millis);
    }

    /** One instant, for the whole job. */
    record Frozen(long millis) implements ProcessingClock {
        @Override
        public long currentTimeMillis() {
            return millis;
        }

        @Override
        public boolean advances() {
            return false;
        }
    }
}
