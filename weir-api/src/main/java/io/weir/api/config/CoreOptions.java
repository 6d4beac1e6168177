package io.weir.api.config;

import java.util.ArrayList;
import java.util.List;

/** Settings under {@code io.*}. */
public final class CoreOptions {
    private CoreOptions() {
    }

    public static final ConfigOption<String> TMP_DIRS = ConfigOptions.key("io.tmp.dirs")
            .stringType().defaultValue(System.getProperty("java.io.tmpdir"))
            .withDescription("Directories for BATCH result partitions and sort spill files, separated by commas: the "
                    + "job creates a work directory inside each, spreads its subtasks' files over them, and removes "
                    + "them when it ends.")
            .withRange(value -> tmpDirectoriesOrEmpty(value).size() > 0,
                    "one directory, or several separated by commas, with no empty entry");

    /**
     * The directories of an {@link #TMP_DIRS} value, in the order given, each trimmed.
     *
     * @throws IllegalArgumentException if the value is blank or has an empty entry (such as a trailing comma),
     *                                  which is a mistake rather than a wish for fewer directories
     */
    public static List<String> tmpDirectories(String value) {
        List<String> dirs = tmpDirectoriesOrEmpty(value);
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' is not a comma-separated list of directories");
        }
        return dirs;
    }

    private static List<String> tmpDirectoriesOrEmpty(String value) {
        List<String> dirs = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (part.isBlank()) {
                return List.of();
            }
            dirs.add(part.trim());
        }
        return dirs;
    }
}
