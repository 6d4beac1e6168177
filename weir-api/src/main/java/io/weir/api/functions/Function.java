package io.weir.api.functions;

import java.io.Serializable;

/** Marker for every user function. Functions are serializable so that a plan can be shipped as a whole. */
public interface Function extends Serializable {
}
