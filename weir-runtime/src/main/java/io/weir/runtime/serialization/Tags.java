package io.weir.runtime.serialization;

/**
 * The first byte of every serialized value. Part of the on-disk format: never renumber, only append.
 * Collections have one tag per restorable class so that the class costs no extra byte.
 */
final class Tags {
    static final byte NULL = 0;
    static final byte STRING = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte SHORT = 4;
    static final byte BYTE = 5;
    static final byte DOUBLE = 6;
    static final byte FLOAT = 7;
    static final byte TRUE = 8;
    static final byte FALSE = 9;
    static final byte CHAR = 10;
    static final byte BIG_INTEGER = 11;
    static final byte BIG_DECIMAL = 12;
    static final byte BYTE_ARRAY = 13;
    static final byte INT_ARRAY = 14;
    static final byte LONG_ARRAY = 15;
    static final byte SHORT_ARRAY = 16;
    static final byte CHAR_ARRAY = 17;
    static final byte DOUBLE_ARRAY = 18;
    static final byte FLOAT_ARRAY = 19;
    static final byte BOOLEAN_ARRAY = 20;
    static final byte OBJECT_ARRAY = 21;
    static final byte ENUM = 22;
    static final byte ARRAY_LIST = 23;
    static final byte LINKED_LIST = 24;
    static final byte IMMUTABLE_LIST = 25;
    static final byte HASH_SET = 26;
    static final byte LINKED_HASH_SET = 27;
    static final byte TREE_SET = 28;
    static final byte IMMUTABLE_SET = 29;
    static final byte HASH_MAP = 30;
    static final byte LINKED_HASH_MAP = 31;
    static final byte TREE_MAP = 32;
    static final byte IMMUTABLE_MAP = 33;
    static final byte TUPLE2 = 34;
    static final byte TUPLE3 = 35;
    static final byte TUPLE4 = 36;
    static final byte TUPLE5 = 37;
    static final byte RECORD = 38;
    static final byte POJO = 39;
    static final byte JAVA_SERIALIZED = 40;
    static final byte KEYED_VALUE = 41;

    private Tags() {
    }
}
