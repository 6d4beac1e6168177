package io.weir.runtime.serialization;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link DataOutputBuffer} wrote, from a slice {@code [position, limit)} of a byte array that it
 * does not own. Reading past the limit throws {@link SerializationException} rather than returning garbage:
 * the slice usually is one record inside a larger block. One reader thread; re-pointed with {@link #set}
 * instead of allocating a view per record.
 */
public final class DataInputView {
    private byte[] data;
    private int position;
    private int limit;
    /** Decoding space for non-ASCII strings, kept so that only the String itself is allocated. */
    private char[] chars = new char[64];

    public DataInputView() {
        this(new byte[0], 0, 0);
    }

    public DataInputView(byte[] data) {
        this(data, 0, data.length);
    }

    public DataInputView(byte[] data, int offset, int length) {
        set(data, offset, length);
    }

    /** Points this view at {@code data[offset, offset + length)}. */
    public DataInputView set(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("Slice [" + offset + ", " + offset + "+" + length
                    + ") outside an array of " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    public byte[] array() {
        return data;
    }

    public int position() {
        return position;
    }

    public int limit() {
        return limit;
    }

    public int remaining() {
        return limit - position;
    }

    public void skip(int n) {
        require(n);
        position += n;
    }

    public byte readByte() {
        require(1);
        return data[position++];
    }

    public int readUnsignedByte() {
        return readByte() & 0xFF;
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public short readShort() {
        require(2);
        short v = (short) DataOutputBuffer.SHORT.get(data, position);
        position += 2;
        return v;
    }

    public char readChar() {
        return (char) readShort();
    }

    public int readInt() {
        require(4);
        int v = (int) DataOutputBuffer.INT.get(data, position);
        position += 4;
        return v;
    }

    public long readLong() {
        require(8);
        long v = (long) DataOutputBuffer.LONG.get(data, position);
        position += 8;
        return v;
    }

    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public int readVarInt() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new SerializationException("Malformed var-int ending at position " + position);
    }

    public int readSignedVarInt() {
        int v = readVarInt();
        return (v >>> 1) ^ -(v & 1);
    }

    public long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new SerializationException("Malformed var-long ending at position " + position);
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public void readBytes(byte[] dst, int offset, int length) {
        require(length);
        System.arraycopy(data, position, dst, offset, length);
        position += length;
    }

    /** Mirror of {@link DataOutputBuffer#writeString}. */
    public String readString() {
        int length = readVarInt();
        require(length);
        int start = position;
        int end = start + length;
        byte[] d = data;
        int i = start;
        while (i < end && d[i] >= 0) {
            i++;
        }
        position = end;
        if (i == end) {
            // All ASCII: Latin-1 decoding is a plain copy into a compact string.
            return new String(d, start, length, StandardCharsets.ISO_8859_1);
        }
        return decodeUtf8(d, start, end);
    }

    private String decodeUtf8(byte[] d, int start, int end) {
        if (chars.length < end - start) {
            chars = new char[Math.max(end - start, chars.length * 2)];
        }
        char[] out = chars;
        int n = 0;
        int p = start;
        try {
            while (p < end) {
                int b = d[p++];
                if (b >= 0) {
                    out[n++] = (char) b;
                } else if ((b & 0xE0) == 0xC0) {
                    out[n++] = (char) (((b & 0x1F) << 6) | (d[p++] & 0x3F));
                } else if ((b & 0xF0) == 0xE0) {
                    out[n++] = (char) (((b & 0x0F) << 12) | ((d[p++] & 0x3F) << 6) | (d[p++] & 0x3F));
                } else if ((b & 0xF8) == 0xF0) {
                    int cp = ((b & 0x07) << 18) | ((d[p++] & 0x3F) << 12) | ((d[p++] & 0x3F) << 6) | (d[p++] & 0x3F);
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                } else {
                    throw new SerializationException("Malformed UTF-8 lead byte 0x" + Integer.toHexString(b & 0xFF)
                            + " at position " + (p - 1));
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new SerializationException("Truncated UTF-8 sequence in a string ending at position " + end);
        }
        if (p != end) {
            throw new SerializationException("Truncated UTF-8 sequence in a string ending at position " + end);
        }
        return new String(out, 0, n);
    }

    private void require(int n) {
        if (n > limit - position || n < 0) {
            throw new SerializationException("Read past the end of the data: need " + n + " bytes at position "
                    + position + ", limit is " + limit + " (data written by an incompatible serializer, or corrupt)");
        }
    }
}
