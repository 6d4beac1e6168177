package io.weir.connectors.datagen;

import io.weir.api.connector.source.SourceSplit;

import java.io.Serializable;

/**
 * The indices {@code first, first + stride, first + 2 * stride, ...} below {@code count}: reader {@code i}
 * of {@code p} owns {@code first = i, stride = p}, so readers never produce the same index.
 */
public record GeneratorSplit(long first, int stride, long count) implements SourceSplit, Serializable {
    public GeneratorSplit {
        if (first < 0 || stride < 1 || count < 0) {
            throw new IllegalArgumentException("Invalid generator split: first=" + first + ", stride=" + stride
                    + ", count=" + count);
        }
    }

    /** How many indices the split holds, without overflow even for an unbounded count. */
    public long size() {
        return first >= count ? 0 : (count - first - 1) / stride + 1;
    }

    @Override
    public String splitId() {
        return "generator-" + first + "/" + stride;
    }
}
