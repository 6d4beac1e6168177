package io.weir.runtime.exchange.blocking;

/**
 * Constants of the on-disk format shared by writer and reader (layout in {@code package-info}). All
 * fixed-width numbers are big-endian.
 */
final class PartitionFormat {
    /** "WBK1": starts every block, so that an index pointing into the middle of something is caught. */
    static final int BLOCK_MAGIC = 0x57424B31;
    /** magic, sub-partition, record count, payload length, CRC32C of the payload: five ints. */
    static final int BLOCK_HEADER_SIZE = 20;
    /** The sub-partition of a broadcast block: every consumer reads it. */
    static final int ALL_SUBPARTITIONS = -1;

    /** "WIX1". */
    static final int INDEX_MAGIC = 0x57495831;
    static final int INDEX_VERSION = 1;

    /** Record header flags: the low 3 bits of the var-long {@code valueLength << 3 | flags}. */
    static final int HAS_TIMESTAMP = 1;
    /** The value introduces classes to the block's dictionary: readers must decode it even if they only copy bytes. */
    static final int DEFINES_CLASSES = 2;
    /** The value refers to classes an earlier record of the block introduced: its bytes do not stand alone. */
    static final int REFERS_TO_EARLIER_CLASSES = 4;
    static final int FLAG_BITS = 3;

    /** Sequential reads and writes go through a buffer of this size. */
    static final int IO_BUFFER_SIZE = 1 << 20;

    private PartitionFormat() {
    }
}
