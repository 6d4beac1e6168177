package io.weir.runtime.sink;

import io.weir.api.common.SimpleVersionedSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommittableEnvelopeTest {
    /** Writes version 7; reads back with the version it is given, so the test sees which version arrived. */
    private static final SimpleVersionedSerializer<String> STRINGS = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 7;
        }

        @Override
        public byte[] serialize(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(int version, byte[] bytes) {
            return "v" + version + ":" + new String(bytes, StandardCharsets.UTF_8);
        }
    };

    @Test
    void unwrapsWithTheVersionTheSerializerWroteWith() throws IOException {
        byte[] envelope = CommittableEnvelope.wrap(STRINGS, ".part-0-ab-0.pending");

        assertThat(CommittableEnvelope.unwrap(STRINGS, envelope, "sink 'files'")).isEqualTo("v7:.part-0-ab-0.pending");
    }

    @Test
    void anEmptyCommittableRoundTrips() throws IOException {
        assertThat(CommittableEnvelope.unwrap(STRINGS, CommittableEnvelope.wrap(STRINGS, ""), "sink")).isEqualTo("v7:");
    }

    @Test
    void everyFlippedBitIsDetectedAndNamesTheSink() throws IOException {
        byte[] envelope = CommittableEnvelope.wrap(STRINGS, "part-3-0");
        for (int bit = 0; bit < envelope.length * 8; bit++) {
            byte[] damaged = envelope.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThatThrownBy(() -> CommittableEnvelope.unwrap(STRINGS, damaged, "sink 'files' subtask 2"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Committable of sink 'files' subtask 2 is damaged");
        }
    }

    @Test
    void aTruncatedEnvelopeIsDetected() throws IOException {
        byte[] envelope = CommittableEnvelope.wrap(STRINGS, "part-3-0");
        for (int length = 0; length < envelope.length; length++) {
            byte[] truncated = Arrays.copyOf(envelope, length);

            assertThatThrownBy(() -> CommittableEnvelope.unwrap(STRINGS, truncated, "sink 'files'"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is damaged");
        }
    }
}
