package io.weir.testjobs;

import io.weir.api.connector.source.SourceSplit;

/** Lines {@code [from, to)} of the input file (0-based, header excluded). */
public record LineRangeSplit(int from, int to) implements SourceSplit {
    @Override
    public String splitId() {
        return "lines-" + from + "-" + to;
    }
}
