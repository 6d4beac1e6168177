package io.weir.testjobs;

/** One input line, {@code id,key,time,value}: a Java record, so BATCH exchanges and sorts serialize it as one. */
public record Event(long id, String key, long time, int value) {

    static Event parse(String line, String where) {
        String[] fields = line.split(",");
        if (fields.length != 4) {
            throw new IllegalArgumentException("Malformed event '" + line + "' at " + where
                    + ": expected id,key,time,value");
        }
        try {
            return new Event(Long.parseLong(fields[0]), fields[1], Long.parseLong(fields[2]),
                    Integer.parseInt(fields[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed event '" + line + "' at " + where + ": " + e.getMessage());
        }
    }

    /** The sum of both values, keeping the smaller id and time: the smaller time names the window. */
    static Event plus(Event a, Event b) {
        return new Event(Math.min(a.id, b.id), a.key, Math.min(a.time, b.time), a.value + b.value);
    }
}
