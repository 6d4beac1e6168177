package io.weir.api.accumulators;

/** Counts with a long. */
public final class LongCounter implements Accumulator<Long, Long> {
    private static final long serialVersionUID = 1L;

    private long count;

    public LongCounter() {
    }

    public LongCounter(long initial) {
        this.count = initial;
    }

    @Override
    public void add(Long value) {
        count += value;
    }

    public void add(long value) {
        count += value;
    }

    @Override
    public Long getLocalValue() {
        return count;
    }

    @Override
    public void resetLocal() {
        count = 0;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        count += other.getLocalValue();
    }

    @Override
    public LongCounter clone() {
        return new LongCounter(count);
    }

    @Override
    public String toString() {
        return "LongCounter " + count;
    }
}
