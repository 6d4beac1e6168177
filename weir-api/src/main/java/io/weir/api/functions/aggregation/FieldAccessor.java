package io.weir.api.functions.aggregation;

import io.weir.api.tuple.Tuple;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one field of a record and makes a copy with that field replaced. Works on tuples (by position, or
 * by name {@code f0..f4}), Java records (by component name) and POJOs (by field name; a public no-argument
 * constructor is needed to copy). Resolved against the class of the first record seen, since a lambda's
 * generic types are erased.
 */
abstract class FieldAccessor implements Serializable {
    private static final long serialVersionUID = 1L;

    abstract Object get(Object record);

    abstract Object with(Object record, Object fieldValue);

    static FieldAccessor position(int pos) {
        if (pos < 0) {
            throw new IllegalArgumentException("Field position must not be negative, was " + pos);
        }
        return new TupleAccessor(pos);
    }

    static FieldAccessor named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Field name must not be empty");
        }
        return new NamedAccessor(name);
    }

    /** Tuples by position. */
    private static final class TupleAccessor extends FieldAccessor {
        private static final long serialVersionUID = 1L;

        private final int pos;

        TupleAccessor(int pos) {
            this.pos = pos;
        }

        @Override
        Object get(Object record) {
            return tuple(record).getField(pos);
        }

        @Override
        Object with(Object record, Object fieldValue) {
            return tuple(record).withField(pos, fieldValue);
        }

        private Tuple tuple(Object record) {
            if (record instanceof Tuple t) {
                return t;
            }
            throw new IllegalArgumentException("Aggregation by position " + pos + " needs tuples, but the record is a "
                    + record.getClass().getName() + ": aggregate by field name instead");
        }
    }

    /** Records, POJOs and tuples by field name; the reflective plan is made once per class. */
    private static final class NamedAccessor extends FieldAccessor {
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
                    return new TupleAccessor(name.charAt(1) - '0');
                }
                throw unknown(c, "tuple fields are f0..f4");
            }
            if (c.isRecord()) {
                return new RecordComponentAccessor(c, name);
            }
            return new PojoFieldAccessor(c, name);
        }

        private IllegalArgumentException unknown(Class<?> c, String hint) {
            return new IllegalArgumentException("No field '" + name + "' in " + c.getName() + " (" + hint + ")");
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
