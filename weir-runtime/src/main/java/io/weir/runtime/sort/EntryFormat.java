package io.weir.runtime.sort;

/**
 * How one entry is laid out, in memory segments and in spill files alike:
 * <pre>
 * varint (keyLength &lt;&lt; 1 | hasTimestamp) | varint valueLength | [varlong timestamp] | key bytes | value bytes
 * </pre>
 * Lengths are unsigned LEB128 varints, so the common small entry pays two bytes of framing, and the header comes
 * first so that a reader learns the entry's full size from its first few bytes. The timestamp, the sort's
 * secondary key, is present only when it is not {@link ExternalSorter#NO_TIMESTAMP}: entries without one pay
 * nothing for it. It is a zig-zag varint (event times in milliseconds take six bytes, not eight); the flag is the
 * lowest bit of the first byte, so it is read without decoding.
 */
final class EntryFormat {
    /** A Java array cannot be longer; entries are kept in one array when they are read back. */
    static final int MAX_ENTRY_BYTES = Integer.MAX_VALUE - 16;
    /** The key length shares its varint with the timestamp flag. */
    static final int MAX_KEY_BYTES = Integer.MAX_VALUE >>> 1;

    private EntryFormat() {
    }

    static int varIntSize(int value) {
        if ((value & ~0x7F) == 0) {
            return 1;
        }
        if ((value & ~0x3FFF) == 0) {
            return 2;
        }
        if ((value & ~0x1FFFFF) == 0) {
            return 3;
        }
        return (value & ~0xFFFFFFF) == 0 ? 4 : 5;
    }

    /** Writes {@code value} at {@code position}; returns the position after it. */
    static int writeVarInt(byte[] target, int position, int value) {
        while ((value & ~0x7F) != 0) {
            target[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target[position++] = (byte) value;
        return position;
    }

    /** Reads a varint written by {@link #writeVarInt}; its size is {@link #varIntSize} of the result. */
    static int readVarInt(byte[] source, int position) {
        int b = source[position];
        if (b >= 0) {
            return b;
        }
        int value = b & 0x7F;
        for (int shift = 7; ; shift += 7) {
            b = source[++position];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    static int varLongSize(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    static int writeVarLong(byte[] target, int position, long value) {
        while ((value & ~0x7FL) != 0) {
            target[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target[position++] = (byte) value;
        return position;
    }

    static long readVarLong(byte[] source, int position) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = source[position++];
            value |= (b & 0x7FL) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    /** Zig-zag: timestamps near zero, of either sign, get short varints. */
    static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** The first varint of an entry: the key length with the timestamp flag in its lowest bit. */
    static int keyField(int keyLength, long timestamp) {
        return keyLength << 1 | (timestamp == ExternalSorter.NO_TIMESTAMP ? 0 : 1);
    }

    /** Whether the entry at {@code position} carries a timestamp: its first byte's lowest bit. */
    static boolean hasTimestamp(byte[] source, int position) {
        return (source[position] & 1) != 0;
    }

    static int headerSize(int keyLength, long timestamp, int valueLength) {
        int size = varIntSize(keyField(keyLength, timestamp)) + varIntSize(valueLength);
        return timestamp == ExternalSorter.NO_TIMESTAMP ? size : size + varLongSize(zigZag(timestamp));
    }

    /** The encoded size; a long because key and value together may exceed what one array can hold. */
    static long encodedSize(int keyLength, long timestamp, int valueLength) {
        return (long) headerSize(keyLength, timestamp, valueLength) + keyLength + valueLength;
    }

    /** Where the key of the entry at {@code position} starts, found by skipping the header's bytes. */
    static int keyOffset(byte[] source, int position) {
        boolean timestamped = hasTimestamp(source, position);
        position = skipVarInt(source, position);
        position = skipVarInt(source, position);
        return timestamped ? skipVarInt(source, position) : position;
    }

    /** The position after a varint (of any width), without decoding it. */
    private static int skipVarInt(byte[] source, int position) {
        while (source[position++] < 0) {
            // a continuation byte
        }
        return position;
    }

    /**
     * Encodes the entry at {@code position}, which must have room for {@link #encodedSize}; returns the end.
     * {@code timestamp} is {@link ExternalSorter#NO_TIMESTAMP} for an entry without one.
     */
    static int write(byte[] target, int position, byte[] key, int keyOffset, int keyLength, long timestamp,
                     byte[] value, int valueOffset, int valueLength) {
        position = writeHeader(target, position, keyLength, timestamp, valueLength);
        System.arraycopy(key, keyOffset, target, position, keyLength);
        position += keyLength;
        System.arraycopy(value, valueOffset, target, position, valueLength);
        return position + valueLength;
    }

    /** Writes the header alone; returns the position where the key goes. */
    static int writeHeader(byte[] target, int position, int keyLength, long timestamp, int valueLength) {
        position = writeVarInt(target, position, keyField(keyLength, timestamp));
        position = writeVarInt(target, position, valueLength);
        return timestamp == ExternalSorter.NO_TIMESTAMP ? position
                : writeVarLong(target, position, zigZag(timestamp));
    }
}
