package io.weir.api.config;

/** Settings under {@code io.*}. */
public final class CoreOptions {
    private CoreOptions() {
    }

    public static final ConfigOption<String> TMP_DIRS = ConfigOptions.key("io.tmp.dirs")
            .stringType().defaultValue(System.getProperty("java.io.tmpdir"))
            .withDescription("Directory for BATCH result partitions and sort spill files (the job's work directory "
                    + "is created inside it and removed when the job ends).");
}
