package io.weir.connectors.file;

import io.weir.api.common.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: the pending file's name, then the part file's name, each as modified UTF-8. */
final class FileSinkCommittableSerializer implements SimpleVersionedSerializer<FileSinkCommittable> {
    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(FileSinkCommittable committable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(committable.pendingFile());
            out.writeUTF(committable.partFile());
        }
        return bytes.toByteArray();
    }

    @Override
    public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("FileSink committable of version " + version + " cannot be read: this FileSink "
                    + "knows version " + VERSION + " only");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            FileSinkCommittable committable = new FileSinkCommittable(in.readUTF(), in.readUTF());
            if (in.available() > 0) {
                throw new IOException("FileSink committable has " + in.available() + " unexpected trailing bytes");
            }
            return committable;
        }
    }
}
