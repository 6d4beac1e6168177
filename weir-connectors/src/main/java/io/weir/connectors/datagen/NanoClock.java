package io.weir.connectors.datagen;

import java.io.Serializable;

/** Monotonic time in nanoseconds; a seam so tests move time by hand. */
@FunctionalInterface
interface NanoClock extends Serializable {
    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
