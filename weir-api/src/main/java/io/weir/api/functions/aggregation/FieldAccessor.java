package io.weir.api.functions.aggregation;

import io.weir.api.common.typeinfo.BasicTypeInfo;
import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.tuple.Tuple;
import io.weir.api.typeutils.PojoTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;
import io.weir.api.typeutils.TypeExtractor;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one field of a record and makes a copy with that field replaced. Works on tuples (by position, or
 * by name {@code f0..f4}), on basic values such as {@code Long} or {@code String} (position 0 is the value
 * itself), Java records (by component name) and POJOs (by field name; a no-argument constructor is needed to
 * copy). {@link #fieldType} checks the field against the stream's type while the job is built; where that type
 * is not known, the same misfits fail on the first record.
 */
abstract class FieldAccessor implements Serializable {
    private static final long serialVersionUID = 1L;

    abstract Object get(Object record);

    abstract Object with(Object record, Object fieldValue);

    /** A field as the user selected it (by position or by name), which can be checked against a type. */
    abstract static class Selection extends FieldAccessor {
        private static final long serialVersionUID = 1L;

        /** How the user named the field: {@code 1} or {@code "price"}. */
        abstract String describe();

        /**
         * The type of the field in records of {@code recordType}, or null where it cannot be told.
         *
         * @param operation the aggregation as the user wrote it, for the message, e.g. {@code sum(2)}
         * @throws IllegalArgumentException if records of that type have no such field
         */
        abstract TypeInformation<?> fieldType(TypeInformation<?> recordType, String operation);
    }

    static Selection position(int pos) {
        if (pos < 0) {
            throw new IllegalArgumentException("Field position must not be negative, was " + pos);
        }
        return new PositionAccessor(pos);
    }

    static Selection named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Field name must not be empty");
        }
        if (name.equals("*") || name.equals("_")) {
            return new WholeValueAccessor(name);
        }
        return new NamedAccessor(name);
    }

    /** {@code "*"} (or {@code "_"}), as in Flink: the whole value of a basic type, like position 0. */
    private static final class WholeValueAccessor extends Selection {
        private static final long serialVersionUID = 1L;

        private final String expression;

        WholeValueAccessor(String expression) {
            this.expression = expression;
        }

        @Override
        Object get(Object record) {
            return checkedValue(record);
        }

        @Override
        Object with(Object record, Object fieldValue) {
            checkedValue(record);
            return fieldValue;
        }

        private Object checkedValue(Object record) {
            if (!isBasic(record)) {
                throw notBasic(record.getClass().getName(), "Aggregation by \"" + expression + "\"");
            }
            return record;
        }

        private IllegalArgumentException notBasic(String type, String operation) {
            return new IllegalArgumentException(operation + ": \"" + expression + "\" selects the whole value, which "
                    + "only a stream of a basic type (Long, String, ...) is aggregated by, but the records are " + type
                    + "; name a field or give a position");
        }

        @Override
        String describe() {
            return '"' + expression + '"';
        }

        @Override
        TypeInformation<?> fieldType(TypeInformation<?> recordType, String operation) {
            if (recordType.isBasicType()) {
                return recordType;
            }
            if (recordType instanceof TupleTypeInfo<?> || recordType instanceof PojoTypeInfo<?>) {
                throw notBasic(recordType.toString(), operation);
            }
            return null;
        }
    }

    /** Per record on the aggregation's path: judged once per class, not by scanning the basic types each time. */
    private static final ClassValue<Boolean> BASIC = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return BasicTypeInfo.getInfoFor(type) != null;
        }
    };

    private static boolean isBasic(Object value) {
        return BASIC.get(value.getClass());
    }

    private static TypeInformation<?> known(TypeInformation<?> type) {
        return type == null || type.getTypeClass() == Object.class ? null : type;
    }

    /** Tuples by position; a basic value is its own field 0. */
    private static final class PositionAccessor extends Selection {
        private static final long serialVersionUID = 1L;

        private final int pos;

        PositionAccessor(int pos) {
            this.pos = pos;
        }

        @Override
        Object get(Object record) {
            if (record instanceof Tuple t) {
                return t.getField(pos);
            }
            return checkedValue(record);
        }

        @Override
        Object with(Object record, Object fieldValue) {
            if (record instanceof Tuple t) {
                return t.withField(pos, fieldValue);
            }
            checkedValue(record);
            return fieldValue;
        }

        private Object checkedValue(Object record) {
            if (!isBasic(record)) {
                throw new IllegalArgumentException("Aggregation by position " + pos + " needs tuples or basic "
                        + "values, but the record is a " + record.getClass().getName() + ": aggregate by field name "
                        + "instead");
            }
            if (pos != 0) {
                throw basicPosition(record.getClass().getSimpleName(), "Aggregation by position " + pos);
            }
            return record;
        }

        private IllegalArgumentException basicPosition(String type, String operation) {
            return new IllegalArgumentException(operation + ": position " + pos + " does not fit a stream of "
                    + type + ": a basic type has one field, position 0, the value itself");
        }

        @Override
        String describe() {
            return String.valueOf(pos);
        }

        @Override
        TypeInformation<?> fieldType(TypeInformation<?> recordType, String operation) {
            if (recordType.isBasicType()) {
                if (pos != 0) {
                    throw basicPosition(recordType.toString(), operation);
                }
                return recordType;
            }
            if (recordType instanceof TupleTypeInfo<?> tuple) {
                if (pos >= tuple.getArity()) {
                    throw new IllegalArgumentException(operation + ": position " + pos + " is out of range for "
                            + recordType + " (positions 0.." + (tuple.getArity() - 1) + ")");
                }
                return known(tuple.getTypeAt(pos));
            }
            if (recordType instanceof PojoTypeInfo<?> pojo) {
                throw new IllegalArgumentException(operation + ": aggregation by position needs tuples or a basic "
                        + "type, but the records are " + pojo.getTypeClass().getName() + "; aggregate by field name, "
                        + "one of " + pojo.getFieldNames());
            }
            return null;
        }
    }

    /** Records, POJOs and tuples by field name; the reflective plan is made once per class. */
    private static final class NamedAccessor extends Selection {
        private static final long serialVersionUID = 1L;

        private final String name;
        private transient Class<?> resolvedFor;
        private transient FieldAccessor resolved;

        NamedAccessor(String name) {
            this.name = name;
        }

        @Override
        Object get(Object record) {
            return resolve(record).get(record);
        }

        @Override
        Object with(Object record, Object fieldValue) {
            return resolve(record).with(record, fieldValue);
        }

        private FieldAccessor resolve(Object record) {
            Class<?> c = record.getClass();
            if (c != resolvedFor) {
                resolved = plan(c);
                resolvedFor = c;
            }
            return resolved;
        }

        private FieldAccessor plan(Class<?> c) {
            if (Tuple.class.isAssignableFrom(c)) {
                if (name.matches("f[0-4]")) {
                    return new PositionAccessor(name.charAt(1) - '0');
                }
                throw unknown(c, "tuple fields are f0..f4");
            }
            if (BasicTypeInfo.getInfoFor(c) != null) {
                throw basicField(c.getSimpleName(), "Aggregation by field '" + name + "'");
            }
            if (c.isRecord()) {
                return new RecordComponentAccessor(c, name);
            }
            return new PojoFieldAccessor(c, name);
        }

        private IllegalArgumentException unknown(Class<?> c, String hint) {
            return new IllegalArgumentException("No field '" + name + "' in " + c.getName() + " (" + hint + ")");
        }

        private IllegalArgumentException basicField(String type, String operation) {
            return new IllegalArgumentException(operation + ": field '" + name + "' does not fit a stream of "
                    + type + ": a basic type has no named fields; aggregate by position 0 or \"*\", the value itself");
        }

        @Override
        String describe() {
            return '"' + name + '"';
        }

        @Override
        TypeInformation<?> fieldType(TypeInformation<?> recordType, String operation) {
            if (recordType.isBasicType()) {
                throw basicField(recordType.toString(), operation);
            }
            if (recordType instanceof TupleTypeInfo<?> tuple) {
                int arity = tuple.getArity();
                if (!name.matches("f[0-9]") || name.charAt(1) - '0' >= arity) {
                    throw new IllegalArgumentException(operation + ": no field '" + name + "' in " + recordType
                            + " (fields f0..f" + (arity - 1) + ")");
                }
                return known(tuple.getTypeAt(name.charAt(1) - '0'));
            }
            if (recordType instanceof PojoTypeInfo<?> pojo) {
                Map<String, Type> fields = pojo.getFields();
                if (!fields.containsKey(name)) {
                    throw new IllegalArgumentException(operation + ": no field '" + name + "' in "
                            + pojo.getTypeClass().getName() + " (fields: " + fields.keySet() + ")");
                }
                return known(TypeExtractor.forType(fields.get(name)));
            }
            return null;
        }
    }

    private static final class RecordComponentAccessor extends FieldAccessor {
        private static final long serialVersionUID = 1L;

        private final transient RecordComponent[] components;
        private final transient Constructor<?> constructor;
        private final int index;

        RecordComponentAccessor(Class<?> c, String name) {
            components = c.getRecordComponents();
            int found = -1;
            Class<?>[] types = new Class<?>[components.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                names.add(components[i].getName());
                components[i].getAccessor().setAccessible(true);
                if (components[i].getName().equals(name)) {
                    found = i;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("No component '" + name + "' in record " + c.getName()
                        + " (components: " + names + ")");
            }
            index = found;
            try {
                constructor = c.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Record " + c.getName() + " has no canonical constructor", e);
            }
        }

        @Override
        Object get(Object record) {
            try {
                return components[index].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read component " + components[index].getName(), e);
            }
        }

        @Override
        Object with(Object record, Object fieldValue) {
            try {
                Object[] args = new Object[components.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = i == index ? fieldValue : components[i].getAccessor().invoke(record);
                }
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a copy of " + record.getClass().getName(), e);
            }
        }
    }

    private static final class PojoFieldAccessor extends FieldAccessor {
        private static final long serialVersionUID = 1L;

        private final transient Field field;
        private final transient List<Field> allFields = new ArrayList<>();
        private final transient Constructor<?> constructor;

        PojoFieldAccessor(Class<?> c, String name) {
            Field target = null;
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    f.setAccessible(true);
                    allFields.add(f);
                    if (target == null && f.getName().equals(name)) {
                        target = f;
                    }
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("No field '" + name + "' in " + c.getName());
            }
            field = target;
            try {
                constructor = c.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("Aggregating a field of " + c.getName() + " needs a no-argument "
                        + "constructor to copy the record (or make it a Java record)", e);
            }
        }

        @Override
        Object get(Object record) {
            try {
                return field.get(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Object with(Object record, Object fieldValue) {
            try {
                Object copy = constructor.newInstance();
                for (Field f : allFields) {
                    f.set(copy, f == field ? fieldValue : f.get(record));
                }
                return copy;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a copy of " + record.getClass().getName(), e);
            }
        }
    }
}
