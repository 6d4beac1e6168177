package io.weir.runtime.serialization;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataBuffersTest {

    @Test
    void fixedWidthNumbersRoundTripAndAreBigEndian() {
        DataOutputBuffer out = new DataOutputBuffer(16);
        out.writeByte(-7);
        out.writeBoolean(true);
        out.writeShort(-12345);
        out.writeChar('\uFFFE');
        out.writeInt(0x01020304);
        out.writeLong(Long.MIN_VALUE + 5);
        out.writeFloat(-1.5f);
        out.writeDouble(Math.PI);
        assertThat(Arrays.copyOfRange(out.data(), 6, 10)).containsExactly(1, 2, 3, 4);

        DataInputView in = new DataInputView(out.data(), 0, out.position());
        assertThat(in.readByte()).isEqualTo((byte) -7);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readShort()).isEqualTo((short) -12345);
        assertThat(in.readChar()).isEqualTo('\uFFFE');
        assertThat(in.readInt()).isEqualTo(0x01020304);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 5);
        assertThat(in.readFloat()).isEqualTo(-1.5f);
        assertThat(in.readDouble()).isEqualTo(Math.PI);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void byteOrderOfNonNegativeIntsAndLongsIsTheirNumericOrder() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long a = random.nextLong(Long.MAX_VALUE);
            long b = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(64);
            DataOutputBuffer x = new DataOutputBuffer();
            DataOutputBuffer y = new DataOutputBuffer();
            x.writeLong(a);
            x.writeInt((int) (a >>> 33));
            y.writeLong(b);
            y.writeInt((int) (b >>> 33));
            assertThat(Integer.signum(Arrays.compareUnsigned(x.data(), 0, 12, y.data(), 0, 12)))
                    .isEqualTo(Long.signum(Long.compare(a, b)));
        }
    }

    @Test
    void varIntsRoundTripAtEveryLengthBoundary() {
        int[] ints = {0, 1, 63, 64, 127, 128, 16383, 16384, 2097151, 2097152, Integer.MAX_VALUE, -1, -64, -65,
                Integer.MIN_VALUE};
        long[] longs = {0, 127, 128, Long.MAX_VALUE, Long.MIN_VALUE, -1, 1L << 35, -(1L << 49)};
        DataOutputBuffer out = new DataOutputBuffer(16);
        for (int v : ints) {
            out.writeVarInt(v);
            out.writeSignedVarInt(v);
        }
        for (long v : longs) {
            out.writeVarLong(v);
            out.writeSignedVarLong(v);
        }
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        for (int v : ints) {
            assertThat(in.readVarInt()).isEqualTo(v);
            assertThat(in.readSignedVarInt()).isEqualTo(v);
        }
        for (long v : longs) {
            assertThat(in.readVarLong()).isEqualTo(v);
            assertThat(in.readSignedVarLong()).isEqualTo(v);
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void smallNumbersTakeOneByteAndSmallNegativesStayShortWhenZigZagged() {
        DataOutputBuffer out = new DataOutputBuffer();
        out.writeVarInt(127);
        assertThat(out.position()).isEqualTo(1);
        out.reset();
        out.writeSignedVarInt(-64);
        assertThat(out.position()).isEqualTo(1);
        out.reset();
        out.writeSignedVarLong(-1);
        assertThat(out.position()).isEqualTo(1);
    }

    @Test
    void stringsRoundTripIncludingSurrogatePairsAndLoneSurrogates() {
        String[] strings = {"", "a", "hello world", "caf\u00e9", "\u65e5\u672c\u8a9e", "emoji \uD83D\uDE00 and \uD83C\uDF89",
                "lone high \uD800 here", "lone low \uDC00", "ends with high \uDBFF", "\uDC00\uD800 reversed",
                "nul \u0000 char", "x".repeat(100_000), "\u00ff\u0100\u07ff\u0800\uffff"};
        DataOutputBuffer out = new DataOutputBuffer(4);
        for (String s : strings) {
            out.writeString(s);
        }
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        for (String s : strings) {
            assertThat(in.readString()).isEqualTo(s);
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void validStringsAreStandardUtf8() {
        String s = "a\u00e9\u65e5\uD83D\uDE00";
        DataOutputBuffer out = new DataOutputBuffer();
        out.writeString(s);
        byte[] expected = s.getBytes(StandardCharsets.UTF_8);
        assertThat(out.data()[0]).isEqualTo((byte) expected.length);
        assertThat(Arrays.copyOfRange(out.data(), 1, out.position())).isEqualTo(expected);
    }

    @Test
    void randomStringsRoundTrip() {
        SplittableRandom random = new SplittableRandom(42);
        DataOutputBuffer out = new DataOutputBuffer();
        DataInputView in = new DataInputView();
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x10000));
            }
            String s = new String(chars);
            out.reset();
            out.writeString(s);
            assertThat(in.set(out.data(), 0, out.position()).readString()).isEqualTo(s);
        }
    }

    @Test
    void readingPastTheSliceFailsClearly() {
        DataOutputBuffer out = new DataOutputBuffer();
        out.writeInt(7);
        out.writeInt(8);
        DataInputView in = new DataInputView(out.data(), 0, 6);
        in.readInt();
        assertThatThrownBy(in::readInt).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Read past the end").hasMessageContaining("limit is 6");
    }

    @Test
    void growsWithoutLosingBytesAndShrinksOnRequest() {
        DataOutputBuffer out = new DataOutputBuffer(1);
        byte[] big = new byte[10_000];
        new SplittableRandom(3).nextBytes(big);
        out.writeBytes(big, 0, big.length);
        out.writeBytes(big, 5, 10);
        assertThat(Arrays.copyOf(out.data(), 10_000)).isEqualTo(big);
        assertThat(Arrays.copyOfRange(out.data(), 10_000, 10_010)).isEqualTo(Arrays.copyOfRange(big, 5, 15));
        out.resetAndShrink(64);
        assertThat(out.capacity()).isEqualTo(64);
        assertThat(out.position()).isZero();
    }
}
