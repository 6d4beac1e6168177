package io.weir.api.datastream;

/** The arguments of {@code countWindow} and {@code countWindowAll}, checked while the job is built. */
final class CountWindows {
    private CountWindows() {
    }

    static void checkSize(String method, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException(method + ": size must be positive, but was " + size);
        }
    }

    static void checkSizeAndSlide(String method, long size, long slide) {
        checkSize(method, size);
        if (slide <= 0) {
            throw new IllegalArgumentException(method + ": slide must be positive, but was " + slide);
        }
        if (slide > size) {
            throw new IllegalArgumentException(method + ": slide (" + slide + ") must not be larger than size ("
                    + size + "): records between windows would belong to none");
        }
    }
}
