/**
 * Record serialization, for wherever bytes are needed (blocking exchanges, sort buffers, spills); never on
 * in-memory pipelined paths.
 * <pre>
 *  value     := tag payload
 *  payload   := (by tag)
 *    STRING            varint utf8Length, UTF-8 bytes (lone surrogates in their 3-byte form)
 *    INT / LONG        zig-zag varint / varlong
 *    SHORT CHAR FLOAT DOUBLE   fixed width, big-endian;  TRUE / FALSE: no payload
 *    BIG_INTEGER       varint n, n two's-complement bytes;  BIG_DECIMAL: zig-zag scale, then as BIG_INTEGER
 *    xxx_ARRAY         varint n, n fixed-width elements
 *    OBJECT_ARRAY      classRef(array class), varint n, n values
 *    ENUM              classRef(enum), varint ordinal
 *    lists, sets, maps [comparator value, for TREE_SET / TREE_MAP] varint n, n values (maps: key, value)
 *    TUPLE2..TUPLE5    2..5 values
 *    RECORD / POJO     classRef, then each field: primitives untagged (int/long as zig-zag var), objects as values
 *    JAVA_SERIALIZED   varint n, n bytes of ObjectOutputStream
 *  classRef  := varint 0, string className      first use in the scope: defines the next number
 *             | varint d (d &gt; 0)              the class defined d entries before the end of the dictionary
 * </pre>
 * Counting class references back from the end makes a value that defines its own classes position
 * independent: such bytes can be copied out of a block and read alone. {@link
 * io.weir.runtime.serialization.RecordSerializer} reports per value whether that holds.
 */
package io.weir.runtime.serialization;
