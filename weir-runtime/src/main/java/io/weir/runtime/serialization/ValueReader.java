package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The reading half of {@link RecordSerializer}; mirror of {@link ValueWriter}. One thread. */
final class ValueReader {
    private final ClassPlans plans;
    private final JavaSerialization javaSerialization;
    private DataInputView in;
    private ReadScope scope;
    private int depth;

    ValueReader(ClassPlans plans) {
        this.plans = plans;
        this.javaSerialization = new JavaSerialization(plans.classLoader());
    }

    Object read(DataInputView source, ReadScope readScope) {
        in = source;
        scope = readScope;
        depth = 0;
        try {
            return readValue();
        } catch (ClassCastException | ArrayStoreException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException e) {
            // Bytes that parse but do not fit together (a TreeSet comparator that is not a Comparator, a
            // String stored into an Integer[], mixed keys in a naturally ordered TreeMap): bad or foreign data.
            throw new SerializationException("Cannot rebuild the value ending at position " + source.position()
                    + ": " + e + " (the data was written by different classes, or is corrupt)", e);
        } finally {
            in = null;
            scope = null;
        }
    }

    private Object readValue() {
        byte tag = in.readByte();
        switch (tag) {
            case Tags.NULL:
                return null;
            case Tags.STRING:
                return in.readString();
            case Tags.INT:
                return in.readSignedVarInt();
            case Tags.LONG:
                return in.readSignedVarLong();
            case Tags.SHORT:
                return in.readShort();
            case Tags.BYTE:
                return in.readByte();
            case Tags.DOUBLE:
                return in.readDouble();
            case Tags.FLOAT:
                return in.readFloat();
            case Tags.TRUE:
                return Boolean.TRUE;
            case Tags.FALSE:
                return Boolean.FALSE;
            case Tags.CHAR:
                return in.readChar();
            case Tags.BIG_INTEGER:
                return new BigInteger(readLengthPrefixedBytes());
            case Tags.BIG_DECIMAL: {
                int scale = in.readSignedVarInt();
                return new BigDecimal(new BigInteger(readLengthPrefixedBytes()), scale);
            }
            case Tags.KEYED_VALUE: {
                enter();
                KeyedValue kv = new KeyedValue(readValue(), readValue());
                depth--;
                return kv;
            }
            case Tags.TUPLE2: {
                enter();
                Tuple2<Object, Object> t = new Tuple2<>(readValue(), readValue());
                depth--;
                return t;
            }
            case Tags.TUPLE3: {
                enter();
                Tuple3<Object, Object, Object> t = new Tuple3<>(readValue(), readValue(), readValue());
                depth--;
                return t;
            }
            case Tags.TUPLE4: {
                enter();
                Tuple4<Object, Object, Object, Object> t = new Tuple4<>(readValue(), readValue(), readValue(),
                        readValue());
                depth--;
                return t;
            }
            case Tags.TUPLE5: {
                enter();
                Tuple5<Object, Object, Object, Object, Object> t = new Tuple5<>(readValue(), readValue(),
                        readValue(), readValue(), readValue());
                depth--;
                return t;
            }
            case Tags.RECORD:
                return readRecord(readClassRef(Tags.RECORD));
            case Tags.POJO:
                return readPojo(readClassRef(Tags.POJO));
            case Tags.ENUM:
                return readEnum(readClassRef(Tags.ENUM));
            case Tags.OBJECT_ARRAY:
                return readObjectArray(readClassRef(Tags.OBJECT_ARRAY));
            case Tags.ARRAY_LIST:
            case Tags.LINKED_LIST:
            case Tags.IMMUTABLE_LIST:
                return readList(tag);
            case Tags.HASH_SET:
            case Tags.LINKED_HASH_SET:
            case Tags.TREE_SET:
            case Tags.IMMUTABLE_SET:
                return readSet(tag);
            case Tags.HASH_MAP:
            case Tags.LINKED_HASH_MAP:
            case Tags.TREE_MAP:
            case Tags.IMMUTABLE_MAP:
                return readMap(tag);
            case Tags.JAVA_SERIALIZED:
                return readJavaSerialized();
            case Tags.BYTE_ARRAY:
            case Tags.INT_ARRAY:
            case Tags.LONG_ARRAY:
            case Tags.SHORT_ARRAY:
            case Tags.CHAR_ARRAY:
            case Tags.DOUBLE_ARRAY:
            case Tags.FLOAT_ARRAY:
            case Tags.BOOLEAN_ARRAY:
                return PrimitiveArrays.read(tag, in);
            default:
                throw new SerializationException("Unknown type tag " + tag + " at position " + (in.position() - 1)
                        + ": the data was written by an incompatible Weir version, or is corrupt");
        }
    }

    private byte[] readLengthPrefixedBytes() {
        byte[] bytes = new byte[checkedCount(1)];
        in.readBytes(bytes, 0, bytes.length);
        return bytes;
    }

    /** A count of items each taking at least {@code minBytes}: a corrupt count fails here, not in an allocation. */
    private int checkedCount(int minBytes) {
        int n = in.readVarInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new SerializationException("Count " + n + " exceeds the " + in.remaining()
                    + " bytes left at position " + in.position() + " (corrupt data)");
        }
        return n;
    }

    private Object readRecord(ClassPlan plan) {
        enter();
        Field[] fields = plan.fields;
        Object[] args = new Object[fields.length];
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                args[i] = readField(plan.kinds[i]);
            }
        } catch (SerializationException e) {
            throw e.within("field " + plan.fieldName(i));
        }
        Object record;
        try {
            record = (Object) plan.constructor.invokeExact(args);
        } catch (Throwable t) {
            throw new SerializationException("The canonical constructor of record " + plan.name()
                    + " rejected the deserialized components " + Arrays.toString(args) + ": " + t, t);
        }
        depth--;
        return record;
    }

    private Object readField(byte kind) {
        return switch (kind) {
            case ClassPlan.INT -> in.readSignedVarInt();
            case ClassPlan.LONG -> in.readSignedVarLong();
            case ClassPlan.DOUBLE -> in.readDouble();
            case ClassPlan.FLOAT -> in.readFloat();
            case ClassPlan.SHORT -> in.readShort();
            case ClassPlan.BYTE -> in.readByte();
            case ClassPlan.CHAR -> in.readChar();
            case ClassPlan.BOOLEAN -> in.readBoolean();
            default -> readValue();
        };
    }

    private Object readPojo(ClassPlan plan) {
        enter();
        Object pojo;
        try {
            pojo = (Object) plan.constructor.invokeExact();
        } catch (Throwable t) {
            throw new SerializationException("The no-argument constructor of POJO " + plan.name() + " failed: " + t, t);
        }
        Field[] fields = plan.fields;
        byte[] kinds = plan.kinds;
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                Field f = fields[i];
                switch (kinds[i]) {
                    case ClassPlan.INT -> f.setInt(pojo, in.readSignedVarInt());
                    case ClassPlan.LONG -> f.setLong(pojo, in.readSignedVarLong());
                    case ClassPlan.DOUBLE -> f.setDouble(pojo, in.readDouble());
                    case ClassPlan.FLOAT -> f.setFloat(pojo, in.readFloat());
                    case ClassPlan.SHORT -> f.setShort(pojo, in.readShort());
                    case ClassPlan.BYTE -> f.setByte(pojo, in.readByte());
                    case ClassPlan.CHAR -> f.setChar(pojo, in.readChar());
                    case ClassPlan.BOOLEAN -> f.setBoolean(pojo, in.readBoolean());
                    default -> f.set(pojo, readValue());
                }
            }
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new SerializationException("Cannot set field " + plan.fieldName(i) + ": " + e
                    + " (did the class change between writing and reading?)", e);
        } catch (SerializationException e) {
            throw e.within("field " + plan.fieldName(i));
        }
        depth--;
        return pojo;
    }

    private Object readEnum(ClassPlan plan) {
        int ordinal = in.readVarInt();
        Object[] constants = plan.enumConstants;
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new SerializationException("Enum " + plan.name() + " has no constant with ordinal " + ordinal
                    + " (it has " + constants.length + "): did the enum change between writing and reading?");
        }
        return constants[ordinal];
    }

    private Object readObjectArray(ClassPlan plan) {
        enter();
        int n = checkedCount(1);
        Object[] array = (Object[]) Array.newInstance(plan.type.getComponentType(), n);
        for (int i = 0; i < n; i++) {
            array[i] = readValue();
        }
        depth--;
        return array;
    }

    private Object readList(byte tag) {
        enter();
        int n = checkedCount(1);
        Object result;
        if (tag == Tags.LINKED_LIST) {
            LinkedList<Object> list = new LinkedList<>();
            for (int i = 0; i < n; i++) {
                list.add(readValue());
            }
            result = list;
        } else {
            ArrayList<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(readValue());
            }
            // Not List.of: an unmodifiable list may hold nulls.
            result = tag == Tags.IMMUTABLE_LIST ? Collections.unmodifiableList(list) : list;
        }
        depth--;
        return result;
    }

    @SuppressWarnings("unchecked")
    private Object readSet(byte tag) {
        enter();
        Collection<Object> set = switch (tag) {
            case Tags.HASH_SET -> new HashSet<>();
            case Tags.TREE_SET -> new TreeSet<>((Comparator<Object>) readValue());
            default -> new LinkedHashSet<>();
        };
        int n = checkedCount(1);
        for (int i = 0; i < n; i++) {
            set.add(readValue());
        }
        depth--;
        return tag == Tags.IMMUTABLE_SET ? Collections.unmodifiableSet((LinkedHashSet<Object>) set) : set;
    }

    @SuppressWarnings("unchecked")
    private Object readMap(byte tag) {
        enter();
        Map<Object, Object> map = switch (tag) {
            case Tags.HASH_MAP -> new HashMap<>();
            case Tags.TREE_MAP -> new TreeMap<>((Comparator<Object>) readValue());
            default -> new LinkedHashMap<>();
        };
        int n = checkedCount(2);
        for (int i = 0; i < n; i++) {
            Object key = readValue();
            map.put(key, readValue());
        }
        depth--;
        return tag == Tags.IMMUTABLE_MAP ? Collections.unmodifiableMap(map) : map;
    }

    private Object readJavaSerialized() {
        return javaSerialization.read(in, checkedCount(1));
    }

    private ClassPlan readClassRef(byte expectedTag) {
        int distance = in.readVarInt();
        ClassPlan plan;
        if (distance == 0) {
            plan = plans.forName(in.readString());
            scope.define(plan);
        } else {
            plan = scope.back(distance);
        }
        if (plan.tag != expectedTag) {
            throw new SerializationException("Class " + plan.name() + " was written as " + describe(expectedTag)
                    + " but is now " + describe(plan.tag) + ": the class changed between writing and reading");
        }
        return plan;
    }

    private static String describe(byte tag) {
        return switch (tag) {
            case Tags.RECORD -> "a record";
            case Tags.POJO -> "a POJO";
            case Tags.ENUM -> "an enum";
            case Tags.OBJECT_ARRAY -> "an object array";
            default -> "type tag " + tag;
        };
    }

    private void enter() {
        if (++depth > ValueWriter.MAX_DEPTH) {
            throw new SerializationException("Value nested more than " + ValueWriter.MAX_DEPTH
                    + " levels deep at position " + in.position() + ": the data is corrupt");
        }
    }
}
