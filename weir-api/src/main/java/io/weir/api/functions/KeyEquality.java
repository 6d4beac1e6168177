package io.weir.api.functions;

import io.weir.api.tuple.Tuple;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether keys group by value. Records with equal keys must meet in one group: STREAMING groups keys by
 * {@code equals}/{@code hashCode} (hash routing, heap state), BATCH by their serialized contents. A key that
 * compares by identity would silently make every record its own key in one mode and not in the other, so such
 * key types are rejected: when the job is built if the key selector's return type shows it
 * ({@link #problemOfType}), otherwise by the runtime on the first key of each class ({@link #problemOfKey}).
 *
 * <p>These have value equality: primitives and their boxes, strings, enums, classes that override both {@code equals}
 * and {@code hashCode}, tuples and records whose fields have it, and records whose author wrote their own
 * {@code equals} or {@code hashCode}. Arrays never have it (they compare by
 * identity), nor classes that inherit {@code equals} or {@code hashCode} from {@code Object}. {@code Object},
 * interfaces and abstract classes say nothing about the keys' classes, nor do a tuple's fields (declared as
 * {@code Object}): those are checked on the keys themselves. The elements of a collection are not checked.
 */
public final class KeyEquality {
    /** What a user can do instead; the end of every rejection message. */
    public static final String WHAT_TO_DO = "Key by a value that defines equals and hashCode over its contents: a "
            + "String, a number, an enum, a Tuple or Java record of such values, a List instead of an array, or a "
            + "class with its own equals and hashCode";

    private enum Kind {
        /** Every key of the class has value equality. */
        VALUE,
        /** No key of the class has it. */
        IDENTITY,
        /** Depends on the values inside (tuple fields, record components of open types). */
        OPEN
    }

    /** {@code accessors}: for an open record, the accessors of its open components. */
    private record Verdict(Kind kind, String problem, List<Method> accessors) {
        static final Verdict VALUE = new Verdict(Kind.VALUE, null, List.of());
        static final Verdict OPEN = new Verdict(Kind.OPEN, null, List.of());

        static Verdict identity(String problem) {
            return new Verdict(Kind.IDENTITY, problem, List.of());
        }
    }

    private static final ClassValue<Verdict> VERDICTS = new ClassValue<>() {
        @Override
        protected Verdict computeValue(Class<?> type) {
            return inspect(type, new HashSet<>());
        }
    };

    private KeyEquality() {
    }

    /**
     * Why keys declared as {@code type} cannot have value equality, or null when they have it or when only the
     * keys' run-time classes or contents can tell.
     */
    public static String problemOfType(Class<?> type) {
        Verdict verdict = VERDICTS.get(type);
        return verdict.kind() == Kind.IDENTITY ? verdict.problem() : null;
    }

    /** Why {@code key} (not null) has no value equality, or null when it has. */
    public static String problemOfKey(Object key) {
        Verdict verdict = VERDICTS.get(key.getClass());
        return switch (verdict.kind()) {
            case VALUE -> null;
            case IDENTITY -> verdict.problem();
            case OPEN -> problemInside(key, verdict);
        };
    }

    /**
     * Whether every key of exactly this class has value equality, whatever it contains: then a key of this class
     * needs no further check.
     */
    public static boolean alwaysHasValueEquality(Class<?> type) {
        return VERDICTS.get(type).kind() == Kind.VALUE;
    }

    private static String problemInside(Object key, Verdict verdict) {
        if (key instanceof Tuple tuple) {
            for (int i = 0; i < tuple.getArity(); i++) {
                Object field = tuple.getField(i);
                String problem = field == null ? null : problemOfKey(field);
                if (problem != null) {
                    return "its field f" + i + " is a " + field.getClass().getTypeName() + ": " + problem;
                }
            }
            return null;
        }
        for (Method accessor : verdict.accessors()) {
            Object component;
            try {
                component = accessor.invoke(key);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read component '" + accessor.getName() + "' of the key "
                        + "record " + key.getClass().getName() + " to check its equality: " + e, e);
            }
            String problem = component == null ? null : problemOfKey(component);
            if (problem != null) {
                return "its component '" + accessor.getName() + "' is a " + component.getClass().getTypeName()
                        + ": " + problem;
            }
        }
        return null;
    }

    private static Verdict inspect(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || Enum.class.isAssignableFrom(type)) {
            return Verdict.VALUE;
        }
        if (type.isArray()) {
            return Verdict.identity("arrays compare by identity, not by their elements");
        }
        if (Tuple.class.isAssignableFrom(type)) {
            return Verdict.OPEN;
        }
        if (type.isRecord()) {
            return inspectRecord(type, visiting);
        }
        if (type == Object.class || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Verdict.OPEN;
        }
        boolean ownEquals = declaresOwn(type, "equals", Object.class);
        boolean ownHashCode = declaresOwn(type, "hashCode");
        if (ownEquals && ownHashCode) {
            return Verdict.VALUE;
        }
        if (ownEquals) {
            return Verdict.identity("it overrides equals but not hashCode, so equal keys get different hash codes");
        }
        return Verdict.identity((ownHashCode ? "it overrides hashCode but not equals" : "it inherits equals and "
                + "hashCode from Object") + ", so it compares by identity");
    }

    private static Verdict inspectRecord(Class<?> type, Set<Class<?>> visiting) {
        if (!visiting.add(type) || writesOwnEquality(type)) {
            // A record containing itself (its components are judged where it started), or one whose author
            // wrote its equality.
            return Verdict.VALUE;
        }
        List<Method> open = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Verdict verdict = inspect(component.getType(), visiting);
            if (verdict.kind() == Kind.IDENTITY) {
                return Verdict.identity("its component '" + component.getName() + "' is a "
                        + component.getType().getTypeName() + ": " + verdict.problem());
            }
            if (verdict.kind() == Kind.OPEN) {
                Method accessor = component.getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException notOpened) {
                    // A record of a module that does not open its package: its public accessor still works.
                }
                open.add(accessor);
            }
        }
        visiting.remove(type);
        return open.isEmpty() ? Verdict.VALUE : new Verdict(Kind.OPEN, null, List.copyOf(open));
    }

    /**
     * Whether a record's author wrote equals or hashCode (say, comparing an array component by its elements): the
     * compiler generates them final, as written ones rarely are. Then its equality is the author's to answer for.
     */
    private static boolean writesOwnEquality(Class<?> record) {
        try {
            return !Modifier.isFinal(record.getDeclaredMethod("equals", Object.class).getModifiers())
                    || !Modifier.isFinal(record.getDeclaredMethod("hashCode").getModifiers());
        } catch (NoSuchMethodException impossible) {
            throw new AssertionError("Every record declares equals and hashCode", impossible);
        }
    }

    private static boolean declaresOwn(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException impossible) {
            throw new AssertionError("Every class has " + method, impossible);
        }
    }
}
