package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The writing half of {@link RecordSerializer}. Fields hold the state of the value being written so that
 * the recursion passes only the value. One thread.
 */
final class ValueWriter {
    /** Deeper nesting almost always means a cyclic object graph, which the format cannot express. */
    static final int MAX_DEPTH = 500;

    private final ClassPlans plans;
    private final RecordSerializer owner;
    private DataOutputBuffer out;
    private WriteScope scope;
    /** The scope given by the caller, whose definitions are rolled back if the value fails. */
    private WriteScope topScope;
    private boolean keyMode;
    private int depth;
    private int firstIdOfValue;
    private boolean referredToEarlier;
    private ClassPlan[] definedByValue = new ClassPlan[8];
    private int definedCount;
    private final JavaSerialization javaSerialization;

    ValueWriter(ClassPlans plans, RecordSerializer owner) {
        this.plans = plans;
        this.owner = owner;
        this.javaSerialization = new JavaSerialization(plans.classLoader());
    }

    /**
     * Writes {@code value} completely, or writes nothing and throws: on failure the buffer position and the
     * scope's dictionary are rolled back, so the caller may carry on with the next value.
     */
    int write(Object value, DataOutputBuffer target, WriteScope writeScope, boolean asKey) {
        int start = target.position();
        int sizeBefore = writeScope.size;
        out = target;
        scope = writeScope;
        topScope = writeScope;
        keyMode = asKey;
        depth = 0;
        firstIdOfValue = sizeBefore;
        referredToEarlier = false;
        definedCount = 0;
        try {
            writeValue(value);
        } catch (RuntimeException | Error e) {
            target.setPosition(start);
            for (int i = 0; i < definedCount; i++) {
                writeScope.undefine(definedByValue[i]);
            }
            writeScope.size = sizeBefore;
            throw e;
        } finally {
            out = null;
            scope = null;
            topScope = null;
        }
        int flags = writeScope.size != sizeBefore ? RecordSerializer.DEFINED_CLASSES : 0;
        return referredToEarlier ? flags | RecordSerializer.REFERRED_TO_EARLIER_CLASSES : flags;
    }

    private void writeValue(Object v) {
        if (v == null) {
            out.writeByte(Tags.NULL);
            return;
        }
        Class<?> type = v.getClass();
        if (type == String.class) {
            out.writeByte(Tags.STRING);
            out.writeString((String) v);
            return;
        }
        if (type == Integer.class) {
            out.writeByte(Tags.INT);
            out.writeSignedVarInt((Integer) v);
            return;
        }
        if (type == Long.class) {
            out.writeByte(Tags.LONG);
            out.writeSignedVarLong((Long) v);
            return;
        }
        if (type == Tuple2.class) {
            writeTuple(Tags.TUPLE2, v);
            return;
        }
        ClassPlan plan = plans.forClass(type);
        if (keyMode) {
            checkKeyType(plan);
        }
        switch (plan.tag) {
            case Tags.SHORT -> {
                out.writeByte(Tags.SHORT);
                out.writeShort((Short) v);
            }
            case Tags.BYTE -> {
                out.writeByte(Tags.BYTE);
                out.writeByte((Byte) v);
            }
            case Tags.DOUBLE -> {
                out.writeByte(Tags.DOUBLE);
                writeDouble((Double) v);
            }
            case Tags.FLOAT -> {
                out.writeByte(Tags.FLOAT);
                writeFloat((Float) v);
            }
            case Tags.TRUE -> out.writeByte((Boolean) v ? Tags.TRUE : Tags.FALSE);
            case Tags.CHAR -> {
                out.writeByte(Tags.CHAR);
                out.writeChar((Character) v);
            }
            case Tags.BIG_INTEGER -> {
                out.writeByte(Tags.BIG_INTEGER);
                out.writeBytes(length(((BigInteger) v).toByteArray()));
            }
            case Tags.BIG_DECIMAL -> {
                BigDecimal d = (BigDecimal) v;
                out.writeByte(Tags.BIG_DECIMAL);
                out.writeSignedVarInt(d.scale());
                out.writeBytes(length(d.unscaledValue().toByteArray()));
            }
            case Tags.TUPLE2, Tags.TUPLE3, Tags.TUPLE4, Tags.TUPLE5 -> writeTuple(plan.tag, v);
            case Tags.KEYED_VALUE -> {
                enter();
                out.writeByte(Tags.KEYED_VALUE);
                writeValue(((KeyedValue) v).key());
                writeValue(((KeyedValue) v).value());
                depth--;
            }
            case Tags.RECORD, Tags.POJO -> writeFields(plan, v);
            case Tags.ENUM -> {
                out.writeByte(Tags.ENUM);
                writeClassRef(plan.named);
                out.writeVarInt(((Enum<?>) v).ordinal());
            }
            case Tags.ARRAY_LIST, Tags.LINKED_LIST, Tags.IMMUTABLE_LIST -> writeList(plan.tag, (Collection<?>) v);
            case Tags.HASH_SET, Tags.LINKED_HASH_SET, Tags.TREE_SET, Tags.IMMUTABLE_SET -> writeSet(plan.tag, v);
            case Tags.HASH_MAP, Tags.LINKED_HASH_MAP, Tags.TREE_MAP, Tags.IMMUTABLE_MAP -> writeMap(plan.tag, v);
            case Tags.OBJECT_ARRAY -> writeObjectArray(plan, (Object[]) v);
            case Tags.JAVA_SERIALIZED -> {
                out.writeByte(Tags.JAVA_SERIALIZED);
                javaSerialization.write(v, out);
            }
            default -> PrimitiveArrays.write(plan.tag, v, out);
        }
    }

    private void writeDouble(double d) {
        // Double.equals compares doubleToLongBits, which folds all NaNs into one: keys must do the same.
        out.writeLong(keyMode ? Double.doubleToLongBits(d) : Double.doubleToRawLongBits(d));
    }

    private void writeFloat(float f) {
        out.writeInt(keyMode ? Float.floatToIntBits(f) : Float.floatToRawIntBits(f));
    }

    private byte[] length(byte[] bytes) {
        out.writeVarInt(bytes.length);
        return bytes;
    }

    private void writeTuple(byte tag, Object v) {
        enter();
        out.writeByte(tag);
        switch (tag) {
            case Tags.TUPLE2 -> {
                Tuple2<?, ?> t = (Tuple2<?, ?>) v;
                writeValue(t.f0);
                writeValue(t.f1);
            }
            case Tags.TUPLE3 -> {
                Tuple3<?, ?, ?> t = (Tuple3<?, ?, ?>) v;
                writeValue(t.f0);
                writeValue(t.f1);
                writeValue(t.f2);
            }
            case Tags.TUPLE4 -> {
                Tuple4<?, ?, ?, ?> t = (Tuple4<?, ?, ?, ?>) v;
                writeValue(t.f0);
                writeValue(t.f1);
                writeValue(t.f2);
                writeValue(t.f3);
            }
            default -> {
                Tuple5<?, ?, ?, ?, ?> t = (Tuple5<?, ?, ?, ?, ?>) v;
                writeValue(t.f0);
                writeValue(t.f1);
                writeValue(t.f2);
                writeValue(t.f3);
                writeValue(t.f4);
            }
        }
        depth--;
    }

    private void writeFields(ClassPlan plan, Object v) {
        enter();
        out.writeByte(plan.tag);
        writeClassRef(plan);
        Field[] fields = plan.fields;
        byte[] kinds = plan.kinds;
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                Field f = fields[i];
                switch (kinds[i]) {
                    case ClassPlan.INT -> out.writeSignedVarInt(f.getInt(v));
                    case ClassPlan.LONG -> out.writeSignedVarLong(f.getLong(v));
                    case ClassPlan.DOUBLE -> writeDouble(f.getDouble(v));
                    case ClassPlan.FLOAT -> writeFloat(f.getFloat(v));
                    case ClassPlan.SHORT -> out.writeShort(f.getShort(v));
                    case ClassPlan.BYTE -> out.writeByte(f.getByte(v));
                    case ClassPlan.CHAR -> out.writeChar(f.getChar(v));
                    case ClassPlan.BOOLEAN -> out.writeBoolean(f.getBoolean(v));
                    default -> writeValue(f.get(v));
                }
            }
        } catch (IllegalAccessException e) {
            throw new SerializationException("Cannot read field " + plan.fieldName(i) + ": " + e, e);
        } catch (SerializationException e) {
            throw e.within("field " + plan.fieldName(i));
        }
        depth--;
    }

    private void writeList(byte tag, Collection<?> list) {
        enter();
        out.writeByte(keyMode ? Tags.ARRAY_LIST : tag);
        out.writeVarInt(list.size());
        int written = 0;
        for (Object element : list) {
            writeValue(element);
            written++;
        }
        checkSize(list, written);
        depth--;
    }

    private void writeSet(byte tag, Object v) {
        enter();
        Collection<?> set = (Collection<?>) v;
        if (keyMode) {
            out.writeByte(Tags.LINKED_HASH_SET);
            out.writeVarInt(set.size());
            writeSorted(set, false);
        } else {
            out.writeByte(tag);
            if (tag == Tags.TREE_SET) {
                writeComparator(((SortedSet<?>) set).comparator(), v);
            }
            out.writeVarInt(set.size());
            int written = 0;
            for (Object element : set) {
                writeValue(element);
                written++;
            }
            checkSize(set, written);
        }
        depth--;
    }

    private void writeMap(byte tag, Object v) {
        enter();
        Map<?, ?> map = (Map<?, ?>) v;
        if (keyMode) {
            out.writeByte(Tags.LINKED_HASH_MAP);
            out.writeVarInt(map.size());
            writeSorted(map.entrySet(), true);
        } else {
            out.writeByte(tag);
            if (tag == Tags.TREE_MAP) {
                writeComparator(((SortedMap<?, ?>) map).comparator(), v);
            }
            out.writeVarInt(map.size());
            int written = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeValue(e.getKey());
                writeValue(e.getValue());
                written++;
            }
            checkSize(map.entrySet(), written);
        }
        depth--;
    }

    private void writeComparator(Object comparator, Object collection) {
        try {
            writeValue(comparator);
        } catch (SerializationException e) {
            throw e.within("the comparator of a " + collection.getClass().getSimpleName()
                    + " (use a Serializable comparator, e.g. Comparator.reverseOrder(), or natural ordering)");
        }
    }

    /**
     * Writes the elements (or map entries) of an unordered collection in a canonical order, so that equal
     * keys give equal bytes: each element is serialized on its own, in a fresh nested scope so that its
     * bytes do not depend on what came before, and the byte strings are written in unsigned order.
     */
    private void writeSorted(Collection<?> items, boolean entries) {
        DataOutputBuffer outer = out;
        WriteScope outerScope = scope;
        DataOutputBuffer elements = new DataOutputBuffer();
        WriteScope nested = owner.newWriteScope();
        int[] starts = new int[items.size() + 1];
        int n = 0;
        int size = outerScope.size;
        out = elements;
        scope = nested;
        try {
            for (Object item : items) {
                nested.resetContinuing(size);
                if (entries) {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                    writeValue(e.getKey());
                    writeValue(e.getValue());
                } else {
                    writeValue(item);
                }
                size = nested.size;
                starts[++n] = elements.position();
            }
        } finally {
            out = outer;
            scope = outerScope;
        }
        if (n != items.size()) {
            throw new SerializationException("A " + items.getClass().getName() + " changed size while being written");
        }
        outerScope.size = size;
        byte[] bytes = elements.data();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(bytes, starts[a], starts[a + 1],
                bytes, starts[b], starts[b + 1]));
        for (Integer i : order) {
            out.writeBytes(bytes, starts[i], starts[i + 1] - starts[i]);
        }
    }

    private void writeObjectArray(ClassPlan plan, Object[] array) {
        enter();
        out.writeByte(Tags.OBJECT_ARRAY);
        writeClassRef(plan);
        out.writeVarInt(array.length);
        for (Object element : array) {
            writeValue(element);
        }
        depth--;
    }

    private void writeClassRef(ClassPlan plan) {
        int id = scope.idOf(plan);
        if (id >= 0) {
            if (id < firstIdOfValue) {
                referredToEarlier = true;
            }
            out.writeVarInt(scope.size - id);
            return;
        }
        scope.define(plan);
        if (scope == topScope) {
            if (definedCount == definedByValue.length) {
                definedByValue = Arrays.copyOf(definedByValue, definedCount * 2);
            }
            definedByValue[definedCount++] = plan;
        }
        out.writeVarInt(0);
        out.writeString(plan.name());
    }

    private void checkKeyType(ClassPlan plan) {
        if (plan.type.isArray()) {
            throw new SerializationException("An array (" + plan.type.getSimpleName() + ") cannot be a key: "
                    + "arrays compare by identity, so equal contents would be different keys. Use a List, a "
                    + "String or a record instead");
        }
    }

    private static void checkSize(Collection<?> c, int written) {
        if (written != c.size()) {
            throw new SerializationException("A " + c.getClass().getName() + " changed size while being "
                    + "written (size() " + c.size() + ", iterated " + written + "): records must not be "
                    + "modified after they are emitted");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new SerializationException("Value nested more than " + MAX_DEPTH + " levels deep: it probably "
                    + "refers to itself (a cycle), which cannot be serialized; values must be trees");
        }
    }
}
