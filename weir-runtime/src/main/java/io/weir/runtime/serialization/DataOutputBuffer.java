package io.weir.runtime.serialization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array written front to back. Fixed-width numbers are big-endian, so that for non-negative
 * values the byte order is the numeric order (a sorter may compare them as unsigned bytes). Nothing is
 * allocated per call; the array doubles when full and is kept across {@link #reset()}.
 * One writer thread.
 */
public final class DataOutputBuffer {
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The largest array the JVM reliably allocates. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    private byte[] data;
    private int position;

    public DataOutputBuffer() {
        this(256);
    }

    public DataOutputBuffer(int initialCapacity) {
        this.data = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid bytes are {@code [0, position())}. Replaced when the buffer grows. */
    public byte[] data() {
        return data;
    }

    public int position() {
        return position;
    }

    public int capacity() {
        return data.length;
    }

    /** Forgets the contents and keeps the array. */
    public void reset() {
        position = 0;
    }

    /** Forgets the contents and replaces the array by a smaller one, to give memory back after a peak. */
    public void resetAndShrink(int capacity) {
        position = 0;
        if (data.length > capacity) {
            data = new byte[Math.max(16, capacity)];
        }
    }

    /** Moves the write position back (or forward over bytes already written), e.g. to drop a partial record. */
    public void setPosition(int newPosition) {
        if (newPosition < 0 || newPosition > data.length) {
            throw new IndexOutOfBoundsException("Position " + newPosition + " outside [0, " + data.length + "]");
        }
        position = newPosition;
    }

    public void writeByte(int v) {
        ensure(1);
        data[position++] = (byte) v;
    }

    public void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    public void writeShort(int v) {
        ensure(2);
        SHORT.set(data, position, (short) v);
        position += 2;
    }

    public void writeChar(char v) {
        writeShort(v);
    }

    public void writeInt(int v) {
        ensure(4);
        INT.set(data, position, v);
        position += 4;
    }

    /** Overwrites 4 bytes at {@code at} (a length or count reserved earlier); does not move the position. */
    public void writeIntAt(int at, int v) {
        if (at < 0 || at + 4 > position) {
            throw new IndexOutOfBoundsException("Cannot patch an int at " + at + ": written bytes end at " + position);
        }
        INT.set(data, at, v);
    }

    public void writeLong(long v) {
        ensure(8);
        LONG.set(data, position, v);
        position += 8;
    }

    public void writeFloat(float v) {
        writeInt(Float.floatToRawIntBits(v));
    }

    public void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** Unsigned LEB128: 1 byte below 128, at most 5. Negative values take 5 bytes: use the signed variant. */
    public void writeVarInt(int v) {
        ensure(5);
        byte[] d = data;
        int p = position;
        while ((v & ~0x7F) != 0) {
            d[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d[p++] = (byte) v;
        position = p;
    }

    /** Zig-zag then LEB128, so that small negative numbers stay short. */
    public void writeSignedVarInt(int v) {
        writeVarInt((v << 1) ^ (v >> 31));
    }

    public void writeVarLong(long v) {
        ensure(10);
        byte[] d = data;
        int p = position;
        while ((v & ~0x7FL) != 0) {
            d[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d[p++] = (byte) v;
        position = p;
    }

    public void writeSignedVarLong(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    public void writeBytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, data, position, length);
        position += length;
    }

    public void writeBytes(byte[] src) {
        writeBytes(src, 0, src.length);
    }

    /**
     * The UTF-8 byte length as a var-int, then the bytes. A lone surrogate (not valid UTF-16, but a legal Java
     * String) is written in its 3-byte form rather than replaced by '?', so that every String round trips.
     * ASCII strings, the common case, are copied with one bulk call.
     */
    @SuppressWarnings("deprecation")
    public void writeString(String s) {
        int chars = s.length();
        int utf8 = utf8Length(s, chars);
        writeVarInt(utf8);
        ensure(utf8);
        if (utf8 == chars) {
            // String.getBytes(int, int, byte[], int) copies the low byte of each char without allocating;
            // for a compact (Latin-1) string it is an array copy. Exact here because every char is ASCII.
            s.getBytes(0, chars, data, position);
            position += chars;
        } else {
            position = encodeUtf8(s, chars, data, position);
        }
    }

    private static int utf8Length(String s, int chars) {
        int length = chars;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                    length += 2;
                    i++;
                } else {
                    length += 2;
                }
            }
        }
        return length;
    }

    private static int encodeUtf8(String s, int chars, byte[] d, int p) {
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                d[p++] = (byte) c;
            } else if (c < 0x800) {
                d[p++] = (byte) (0xC0 | (c >> 6));
                d[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                d[p++] = (byte) (0xF0 | (cp >> 18));
                d[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                d[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                d[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                d[p++] = (byte) (0xE0 | (c >> 12));
                d[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                d[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    /** Makes room for {@code n} more bytes. */
    public void ensure(int n) {
        if (n > data.length - position) {
            grow(n);
        }
    }

    private void grow(int n) {
        long needed = (long) position + n;
        if (needed > MAX_CAPACITY) {
            throw new SerializationException("A serialized record or buffer would exceed " + MAX_CAPACITY
                    + " bytes (needed " + needed + "); split very large values into several records");
        }
        long doubled = Math.max(needed, 2L * data.length);
        data = Arrays.copyOf(data, (int) Math.min(doubled, MAX_CAPACITY));
    }
}
