package io.weir.runtime.jobs;

import java.util.Objects;

/** A POJO (public no-argument constructor, public fields) for aggregations by field name. */
public class Reading {
    public String sensor;
    public int seq;
    public long value;
    private int unit;

    public Reading() {
    }

    public Reading(String sensor, int seq, long value, int unit) {
        this.sensor = sensor;
        this.seq = seq;
        this.value = value;
        this.unit = unit;
    }

    /** A private field: aggregations must carry it over into the copies they make. */
    public int getUnit() {
        return unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reading r && Objects.equals(sensor, r.sensor) && seq == r.seq && value == r.value
                && unit == r.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensor, seq, value, unit);
    }

    @Override
    public String toString() {
        return "Reading{" + sensor + ", seq=" + seq + ", value=" + value + ", unit=" + unit + '}';
    }
}
