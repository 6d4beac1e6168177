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
    /** Key bytes held in a prefix; the prefix's last byte holds the key's length, or {@link #LONG_KEY}. */
    static final int PREFIX_BYTES = 7;
    /** The prefix's last byte for keys longer than {@link #PREFIX_BYTES}: above every short key's length. */
    private static final long LONG_KEY = 0xFF;

    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private KeyOrder() {
    }

    /**
     * The first 7 key bytes (zero-padded) as the high bytes of a big-endian long, and in its lowest byte the
     * key's length if it is at most 7, else 255. Compared with {@link Long#compareUnsigned} it orders keys as the
     * full comparison does (a shorter key whose bytes pad to the same 7 is a proper prefix of the longer one, so
     * it comes first), and for keys of at most 7 bytes it decides completely: equal prefixes mean equal keys
     * ({@link #decides}). Keys of most records (numbers, short strings) are that short, so the sort then never
     * reads key bytes from its buffers.
     */
    static long prefix(byte[] key, int offset, int length) {
        if (length > PREFIX_BYTES) {
            return ((long) LONG_BIG_ENDIAN.get(key, offset) & ~0xFFL) | LONG_KEY;
        }
        long prefix = length;
        for (int i = 0; i < length; i++) {
            prefix |= (key[offset + i] & 0xFFL) << (56 - 8 * i);
        }
        return prefix;
    }

    /** Whether two keys with this (equal) prefix are equal without looking at their bytes. */
    static boolean decides(long equalPrefix) {
        return (equalPrefix & 0xFF) != LONG_KEY;
    }

    /** Full comparison of two keys known to have equal prefixes, so their first common bytes are skipped. */
    static int compareWithEqualPrefix(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
        int skip = Math.min(PREFIX_BYTES, Math.min(aLength, bLength));
        return Arrays.compareUnsigned(a, aOffset + skip, aOffset + aLength, b, bOffset + skip, bOffset + bLength);
    }

    static int compare(long aPrefix, byte[] a, int aOffset, int aLength,
                       long bPrefix, byte[] b, int bOffset, int bLength) {
        int byPrefix = Long.compareUnsigned(aPrefix, bPrefix);
        if (byPrefix != 0 || decides(aPrefix)) {
            return byPrefix;
        }
        return compareWithEqualPrefix(a, aOffset, aLength, b, bOffset, bLength);
    }
}
