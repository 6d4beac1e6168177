package io.weir.runtime.sort;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The one order the sorter produces: key bytes compared unsigned and lexicographically, a key that is a proper
 * prefix of another coming first. Every comparison goes prefix first, then bytes, so the cheap long compare
 * decides most of them.
 */
final class KeyOrder {
    static final int PREFIX_BYTES = 8;

    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private KeyOrder() {
    }

    /**
     * The first 8 key bytes as a big-endian long, zero-padded. Compared with {@link Long#compareUnsigned} it
     * orders keys as the full comparison does, except that it cannot tell keys apart whose first 8 bytes
     * (padding included) are equal, such as {@code "a"} and {@code "a\0"}.
     */
    static long prefix(byte[] key, int offset, int length) {
        if (length >= PREFIX_BYTES) {
            return (long) LONG_BIG_ENDIAN.get(key, offset);
        }
        long prefix = 0;
        for (int i = 0; i < length; i++) {
            prefix |= (key[offset + i] & 0xFFL) << (56 - 8 * i);
        }
        return prefix;
    }

    /** Full comparison of two keys known to have equal prefixes, so their first common bytes are skipped. */
    static int compareWithEqualPrefix(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
        int skip = Math.min(PREFIX_BYTES, Math.min(aLength, bLength));
        return Arrays.compareUnsigned(a, aOffset + skip, aOffset + aLength, b, bOffset + skip, bOffset + bLength);
    }

    static int compare(long aPrefix, byte[] a, int aOffset, int aLength,
                       long bPrefix, byte[] b, int bOffset, int bLength) {
        int byPrefix = Long.compareUnsigned(aPrefix, bPrefix);
        return byPrefix != 0 ? byPrefix : compareWithEqualPrefix(a, aOffset, aLength, b, bOffset, bLength);
    }
}
