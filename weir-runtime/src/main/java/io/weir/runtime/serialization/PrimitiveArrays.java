package io.weir.runtime.serialization;

/**
 * Primitive arrays: the tag, the length, then the elements at fixed width, so that large arrays are
 * written by tight loops (byte[] by one copy).
 */
final class PrimitiveArrays {
    private PrimitiveArrays() {
    }

    static void write(byte tag, Object array, DataOutputBuffer out) {
        out.writeByte(tag);
        switch (tag) {
            case Tags.BYTE_ARRAY -> {
                byte[] a = (byte[]) array;
                out.writeVarInt(a.length);
                out.writeBytes(a, 0, a.length);
            }
            case Tags.INT_ARRAY -> {
                int[] a = (int[]) array;
                out.writeVarInt(a.length);
                out.ensure(a.length * 4);
                for (int v : a) {
                    out.writeInt(v);
                }
            }
            case Tags.LONG_ARRAY -> {
                long[] a = (long[]) array;
                out.writeVarInt(a.length);
                out.ensure(a.length * 8);
                for (long v : a) {
                    out.writeLong(v);
                }
            }
            case Tags.SHORT_ARRAY -> {
                short[] a = (short[]) array;
                out.writeVarInt(a.length);
                for (short v : a) {
                    out.writeShort(v);
                }
            }
            case Tags.CHAR_ARRAY -> {
                char[] a = (char[]) array;
                out.writeVarInt(a.length);
                for (char v : a) {
                    out.writeChar(v);
                }
            }
            case Tags.DOUBLE_ARRAY -> {
                double[] a = (double[]) array;
                out.writeVarInt(a.length);
                out.ensure(a.length * 8);
                for (double v : a) {
                    out.writeDouble(v);
                }
            }
            case Tags.FLOAT_ARRAY -> {
                float[] a = (float[]) array;
                out.writeVarInt(a.length);
                for (float v : a) {
                    out.writeFloat(v);
                }
            }
            case Tags.BOOLEAN_ARRAY -> {
                boolean[] a = (boolean[]) array;
                out.writeVarInt(a.length);
                for (boolean v : a) {
                    out.writeBoolean(v);
                }
            }
            default -> throw new IllegalStateException("Not a primitive array tag: " + tag);
        }
    }

    static Object read(byte tag, DataInputView in) {
        int n = in.readVarInt();
        // A corrupt length must fail as a read error, not as an attempt to allocate gigabytes.
        int width = switch (tag) {
            case Tags.BYTE_ARRAY, Tags.BOOLEAN_ARRAY -> 1;
            case Tags.SHORT_ARRAY, Tags.CHAR_ARRAY -> 2;
            case Tags.INT_ARRAY, Tags.FLOAT_ARRAY -> 4;
            default -> 8;
        };
        if (n < 0 || (long) n * width > in.remaining()) {
            throw new SerializationException("Array length " + n + " exceeds the " + in.remaining()
                    + " bytes left at position " + in.position() + " (corrupt data)");
        }
        switch (tag) {
            case Tags.BYTE_ARRAY -> {
                byte[] a = new byte[n];
                in.readBytes(a, 0, n);
                return a;
            }
            case Tags.INT_ARRAY -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case Tags.LONG_ARRAY -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case Tags.SHORT_ARRAY -> {
                short[] a = new short[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readShort();
                }
                return a;
            }
            case Tags.CHAR_ARRAY -> {
                char[] a = new char[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readChar();
                }
                return a;
            }
            case Tags.DOUBLE_ARRAY -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readDouble();
                }
                return a;
            }
            case Tags.FLOAT_ARRAY -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readFloat();
                }
                return a;
            }
            default -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.readBoolean();
                }
                return a;
            }
        }
    }
}
