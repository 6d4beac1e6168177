package io.weir.api.common;

import java.io.IOException;

/**
 * Turns objects into bytes and back, with a version so that bytes written by an older serializer stay readable
 * after its format changed: {@link #deserialize} is given the version the bytes were written with. Weir stores
 * the version next to the bytes (and a checksum around both); the serializer only writes its payload.
 */
public interface SimpleVersionedSerializer<E> {
    /** The version {@link #serialize} writes; a newer serializer must still read the older versions it knows. */
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    /**
     * Reads bytes written by {@link #serialize} of the given version.
     *
     * @throws IOException if the bytes are malformed or the version is unknown to this serializer
     */
    E deserialize(int version, byte[] serialized) throws IOException;
}
