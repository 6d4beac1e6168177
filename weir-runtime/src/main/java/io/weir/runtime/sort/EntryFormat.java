package io.weir.runtime.sort;

/**
 * How one entry is laid out, in memory segments and in spill files alike:
 * <pre>
 * varint keyLength | varint valueLength | key bytes | value bytes
 * </pre>
 * Lengths are unsigned LEB128 varints, so the common small entry pays two bytes of framing, and both lengths
 * come first so that a reader learns the entry's full size from its first few bytes.
 */
final class EntryFormat {
    /** A Java array cannot be longer; entries are kept in one array when they are read back. */
    static final int MAX_ENTRY_BYTES = Integer.MAX_VALUE - 16;

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

    static int headerSize(int keyLength, int valueLength) {
        return varIntSize(keyLength) + varIntSize(valueLength);
    }

    /** The encoded size; a long because key and value together may exceed what one array can hold. */
    static long encodedSize(int keyLength, int valueLength) {
        return (long) headerSize(keyLength, valueLength) + keyLength + valueLength;
    }

    /** Encodes the entry at {@code position}, which must have room for {@link #encodedSize}; returns the end. */
    static int write(byte[] target, int position, byte[] key, int keyOffset, int keyLength,
                     byte[] value, int valueOffset, int valueLength) {
        position = writeVarInt(target, position, keyLength);
        position = writeVarInt(target, position, valueLength);
        System.arraycopy(key, keyOffset, target, position, keyLength);
        position += keyLength;
        System.arraycopy(value, valueOffset, target, position, valueLength);
        return position + valueLength;
    }
}
