package io.weir.runtime.sort;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KeyOrderTest {

    @Test
    void prefixOrderNeverContradictsTheFullOrder() {
        Random random = new Random(21);
        byte[] alphabet = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF};
        for (int i = 0; i < 200_000; i++) {
            byte[] a = randomKey(random, alphabet);
            byte[] b = randomKey(random, alphabet);
            int full = Integer.signum(Arrays.compareUnsigned(a, b));
            int byPrefix = Long.compareUnsigned(KeyOrder.prefix(a, 0, a.length), KeyOrder.prefix(b, 0, b.length));
            if (byPrefix != 0) {
                assertThat(Integer.signum(byPrefix)).as("%s vs %s", Arrays.toString(a), Arrays.toString(b))
                        .isEqualTo(full);
            } else if (KeyOrder.decides(KeyOrder.prefix(a, 0, a.length))) {
                assertThat(a).as("equal deciding prefixes mean equal keys").isEqualTo(b);
                assertThat(KeyOrder.compare(0, a, 0, a.length, 0, b, 0, b.length)).isZero();
            } else {
                assertThat(Integer.signum(KeyOrder.compareWithEqualPrefix(a, 0, a.length, b, 0, b.length)))
                        .as("%s vs %s", Arrays.toString(a), Arrays.toString(b)).isEqualTo(full);
            }
        }
    }

    @Test
    void prefixReadsAtAnOffset() {
        byte[] bytes = {9, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(KeyOrder.prefix(bytes, 1, 9)).isEqualTo(0x01020304050607FFL);
        assertThat(KeyOrder.prefix(bytes, 1, 7)).isEqualTo(0x0102030405060707L);
        assertThat(KeyOrder.prefix(bytes, 1, 3)).isEqualTo(0x0102030000000003L);
        assertThat(KeyOrder.prefix(bytes, 1, 0)).isZero();
    }

    @Test
    void aPrefixDecidesExactlyForKeysOfAtMostSevenBytes() {
        byte[] key = {1, 0, 0, 0, 0, 0, 0, 0};
        assertThat(KeyOrder.decides(KeyOrder.prefix(key, 0, 7))).isTrue();
        assertThat(KeyOrder.decides(KeyOrder.prefix(key, 0, 8))).isFalse();
        // "a" and "a\0" pad to the same bytes; the length tells them apart, shorter first.
        assertThat(Long.compareUnsigned(KeyOrder.prefix(key, 0, 1), KeyOrder.prefix(key, 0, 2))).isNegative();
    }

    @Test
    void varIntsRoundTripAtEveryWidth() {
        byte[] buffer = new byte[5];
        for (int value : new int[]{0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455,
                268_435_456, Integer.MAX_VALUE}) {
            int end = EntryFormat.writeVarInt(buffer, 0, value);
            assertThat(end).isEqualTo(EntryFormat.varIntSize(value));
            assertThat(EntryFormat.readVarInt(buffer, 0)).isEqualTo(value);
        }
    }

    private static byte[] randomKey(Random random, byte[] alphabet) {
        byte[] key = new byte[random.nextInt(12)];
        for (int i = 0; i < key.length; i++) {
            key[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return key;
    }
}
