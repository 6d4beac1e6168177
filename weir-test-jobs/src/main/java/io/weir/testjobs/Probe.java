package io.weir.testjobs;

/**
 * A second record type, a POJO (public no-argument constructor, public fields), so BATCH serializes it as one:
 * a probe is taken at exactly {@code id * 10} ms.
 */
public class Probe {
    public long id;
    public String key;
    public long time;

    public Probe() {
    }

    static Probe of(Event event) {
        Probe probe = new Probe();
        probe.id = event.id();
        probe.key = event.key();
        probe.time = event.id() * 10;
        return probe;
    }
}
