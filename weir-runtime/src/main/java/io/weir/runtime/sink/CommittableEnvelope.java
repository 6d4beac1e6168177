package io.weir.runtime.sink;

import io.weir.api.common.SimpleVersionedSerializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A committable as it leaves its writer: the sink's serializer's bytes with that serializer's version and a
 * checksum, so that stored committables (later: in checkpoints) are read with the version that wrote them and
 * damage is detected instead of committed.
 *
 * <pre>
 *   int magic "WCM1" | int serializer version | int payload length | payload | int CRC32C(version, length, payload)
 * </pre>
 */
public final class CommittableEnvelope {
    private static final int MAGIC = 0x57434D31; // "WCM1"
    private static final int HEADER = 12;
    private static final int TRAILER = 4;

    private CommittableEnvelope() {
    }

    public static <C> byte[] wrap(SimpleVersionedSerializer<C> serializer, C committable) throws IOException {
        byte[] payload = serializer.serialize(committable);
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
        out.putInt(MAGIC).putInt(serializer.getVersion()).putInt(payload.length).put(payload);
        out.putInt(checksum(out.array(), payload.length));
        return out.array();
    }

    /**
     * @param what names the sink, for the error message
     * @throws IOException if the bytes are not an intact envelope, naming {@code what}
     */
    public static <C> C unwrap(SimpleVersionedSerializer<C> serializer, byte[] envelope, String what) throws IOException {
        if (envelope.length < HEADER + TRAILER) {
            throw new IOException("Committable of " + what + " is damaged: " + envelope.length + " bytes is shorter "
                    + "than its envelope");
        }
        ByteBuffer in = ByteBuffer.wrap(envelope);
        int magic = in.getInt();
        int version = in.getInt();
        int length = in.getInt();
        if (magic != MAGIC || length != envelope.length - HEADER - TRAILER) {
            throw new IOException("Committable of " + what + " is damaged: not a committable envelope (magic "
                    + Integer.toHexString(magic) + ", length " + length + " of " + envelope.length + " bytes)");
        }
        int stored = ByteBuffer.wrap(envelope, HEADER + length, TRAILER).getInt();
        if (stored != checksum(envelope, length)) {
            throw new IOException("Committable of " + what + " is damaged: its checksum does not match");
        }
        byte[] payload = new byte[length];
        System.arraycopy(envelope, HEADER, payload, 0, length);
        return serializer.deserialize(version, payload);
    }

    /** Covers version, length and payload (everything after the magic). */
    private static int checksum(byte[] envelope, int payloadLength) {
        CRC32C crc = new CRC32C();
        crc.update(envelope, 4, HEADER - 4 + payloadLength);
        return (int) crc.getValue();
    }
}
