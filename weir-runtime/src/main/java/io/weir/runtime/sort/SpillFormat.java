package io.weir.runtime.sort;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Layout of a spill file:
 * <pre>
 * file   := magic (int "WSRT") | version (int) | block*
 * block  := payloadLength (int, 1..MAX_PAYLOAD) | crc32c (int, over payloadLength's 4 bytes and the payload)
 *           | payload
 * payload:= entries in {@link EntryFormat}, back to back
 * </pre>
 * Integers are big-endian. An entry that fits in one block never straddles two, so readers hand out views into
 * their block buffer; a bigger entry starts a fresh block and continues over as many as it needs. The checksum
 * is verified before a block's entries are read, so corruption is reported, never sorted.
 */
final class SpillFormat {
    static final int MAGIC = 0x57535254;
    /** 2: entries may carry a timestamp ({@link EntryFormat}). */
    static final int VERSION = 2;
    static final int FILE_HEADER_BYTES = 8;
    static final int BLOCK_BYTES = MemoryBudget.UNIT_BYTES;
    static final int BLOCK_HEADER_BYTES = 8;
    static final int MAX_PAYLOAD = BLOCK_BYTES - BLOCK_HEADER_BYTES;

    static final VarHandle INT_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private SpillFormat() {
    }
}
