package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;

import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides, once per class, how a {@link RecordSerializer} handles it, and caches the answer by class
 * (writing) and by name (reading). One instance per serializer, so one thread: no locking.
 */
final class ClassPlans {
    static final String SUPPORTED = "null, String, boxed primitives, BigInteger, BigDecimal, primitive and object "
            + "arrays, enums, Lists, Sets, Maps, Tuple2..Tuple5, Java records, POJOs (a public class with a "
            + "no-argument constructor; all non-static, non-transient fields are written) and, as a slower "
            + "fallback, java.io.Serializable values";

    /** JDK classes of unmodifiable collections, found from samples because they are private classes. */
    private static final Set<Class<?>> IMMUTABLE_LISTS = classesOf(List.of(), List.of(1), List.of(1, 2, 3),
            List.of(1, 2, 3).subList(0, 2), Collections.emptyList(), Collections.singletonList(1),
            Collections.nCopies(2, 1), Collections.unmodifiableList(new ArrayList<>()),
            Collections.unmodifiableList(new LinkedList<>()), java.util.stream.Stream.of(1).toList());
    private static final Set<Class<?>> IMMUTABLE_SETS = classesOf(Set.of(), Set.of(1), Set.of(1, 2, 3),
            Collections.emptySet(), Collections.singleton(1), Collections.unmodifiableSet(new HashSet<>()),
            Collections.unmodifiableSortedSet(new TreeSet<>()), Collections.unmodifiableNavigableSet(new TreeSet<>()),
            Collections.emptySortedSet(), Collections.emptyNavigableSet());
    private static final Set<Class<?>> IMMUTABLE_MAPS = classesOf(Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2),
            Collections.emptyMap(), Collections.singletonMap(1, 1), Collections.unmodifiableMap(new HashMap<>()),
            Collections.unmodifiableSortedMap(new TreeMap<>()), Collections.unmodifiableNavigableMap(new TreeMap<>()),
            Collections.emptySortedMap(), Collections.emptyNavigableMap());

    private final ClassLoader classLoader;
    private final IdentityHashMap<Class<?>, ClassPlan> byClass = new IdentityHashMap<>();
    private final HashMap<String, ClassPlan> byName = new HashMap<>();
    private int count;

    ClassPlans(ClassLoader classLoader) {
        this.classLoader = classLoader;
        builtin(String.class, Tags.STRING);
        builtin(Integer.class, Tags.INT);
        builtin(Long.class, Tags.LONG);
        builtin(Short.class, Tags.SHORT);
        builtin(Byte.class, Tags.BYTE);
        builtin(Double.class, Tags.DOUBLE);
        builtin(Float.class, Tags.FLOAT);
        builtin(Boolean.class, Tags.TRUE);
        builtin(Character.class, Tags.CHAR);
        builtin(BigInteger.class, Tags.BIG_INTEGER);
        builtin(BigDecimal.class, Tags.BIG_DECIMAL);
        builtin(byte[].class, Tags.BYTE_ARRAY);
        builtin(int[].class, Tags.INT_ARRAY);
        builtin(long[].class, Tags.LONG_ARRAY);
        builtin(short[].class, Tags.SHORT_ARRAY);
        builtin(char[].class, Tags.CHAR_ARRAY);
        builtin(double[].class, Tags.DOUBLE_ARRAY);
        builtin(float[].class, Tags.FLOAT_ARRAY);
        builtin(boolean[].class, Tags.BOOLEAN_ARRAY);
        builtin(ArrayList.class, Tags.ARRAY_LIST);
        builtin(LinkedList.class, Tags.LINKED_LIST);
        builtin(HashSet.class, Tags.HASH_SET);
        builtin(LinkedHashSet.class, Tags.LINKED_HASH_SET);
        builtin(TreeSet.class, Tags.TREE_SET);
        builtin(HashMap.class, Tags.HASH_MAP);
        builtin(LinkedHashMap.class, Tags.LINKED_HASH_MAP);
        builtin(TreeMap.class, Tags.TREE_MAP);
        builtin(Tuple2.class, Tags.TUPLE2);
        builtin(Tuple3.class, Tags.TUPLE3);
        builtin(Tuple4.class, Tags.TUPLE4);
        builtin(Tuple5.class, Tags.TUPLE5);
        builtin(KeyedValue.class, Tags.KEYED_VALUE);
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** The plan for a value's class; analyses the class on first sight. */
    ClassPlan forClass(Class<?> type) {
        ClassPlan plan = byClass.get(type);
        if (plan == null) {
            plan = analyse(type);
            byClass.put(type, plan);
        }
        return plan;
    }

    /** The plan for a class named in serialized data, loaded through the user class loader. */
    ClassPlan forName(String name) {
        ClassPlan plan = byName.get(name);
        if (plan == null) {
            Class<?> type;
            try {
                type = Class.forName(name, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SerializationException("Class " + name + " named in serialized data cannot be loaded "
                        + "through class loader " + classLoader + ": is the job's jar (or the dependency "
                        + "holding it) on the job's class path, in the same version as the writer's?", e);
            }
            plan = forClass(type);
            byName.put(name, plan);
        }
        return plan;
    }

    private void builtin(Class<?> type, byte tag) {
        byClass.put(type, new ClassPlan(type, tag, count++, null, null, null, null, null));
    }

    private ClassPlan simple(Class<?> type, byte tag) {
        return new ClassPlan(type, tag, count++, null, null, null, null, null);
    }

    private ClassPlan analyse(Class<?> type) {
        if (type.isArray()) {
            return simple(type, Tags.OBJECT_ARRAY);
        }
        if (Enum.class.isAssignableFrom(type)) {
            return enumPlan(type);
        }
        if (List.class.isAssignableFrom(type)) {
            return simple(type, IMMUTABLE_LISTS.contains(type) ? Tags.IMMUTABLE_LIST : Tags.ARRAY_LIST);
        }
        if (Set.class.isAssignableFrom(type)) {
            return simple(type, IMMUTABLE_SETS.contains(type) ? Tags.IMMUTABLE_SET : Tags.LINKED_HASH_SET);
        }
        if (Map.class.isAssignableFrom(type)) {
            return simple(type, IMMUTABLE_MAPS.contains(type) ? Tags.IMMUTABLE_MAP : Tags.LINKED_HASH_MAP);
        }
        if (type.isRecord()) {
            return recordPlan(type);
        }
        String notPojo = whyNotPojo(type);
        if (notPojo == null) {
            ClassPlan pojo = pojoPlan(type);
            if (pojo != null) {
                return pojo;
            }
            notPojo = "a field cannot be made accessible (its module does not open it)";
        }
        if (Serializable.class.isAssignableFrom(type)) {
            return simple(type, Tags.JAVA_SERIALIZED);
        }
        throw new SerializationException("Cannot serialize a value of class " + type.getName() + ": it is not a POJO ("
                + notPojo + ") and does not implement java.io.Serializable. Supported are " + SUPPORTED
                + ". Make " + type.getSimpleName() + " a record, a POJO, or Serializable.");
    }

    private ClassPlan enumPlan(Class<?> type) {
        Class<?> enumType = type;
        while (!enumType.isEnum()) {
            enumType = enumType.getSuperclass();
        }
        if (enumType != type) {
            return new ClassPlan(type, Tags.ENUM, count++, forClass(enumType), null, null, null, null);
        }
        return new ClassPlan(type, Tags.ENUM, count++, null, null, null, null, type.getEnumConstants());
    }

    private ClassPlan recordPlan(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Field[] fields = new Field[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                fields[i] = type.getDeclaredField(components[i].getName());
                fields[i].setAccessible(true);
                parameterTypes[i] = components[i].getType();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asType(MethodType.genericMethodType(components.length))
                    .asSpreader(Object[].class, components.length);
            return new ClassPlan(type, Tags.RECORD, count++, null, fields, kinds(fields), constructor, null);
        } catch (ReflectiveOperationException | InaccessibleObjectException | SecurityException e) {
            throw new SerializationException("Cannot serialize record " + type.getName() + ": its components or "
                    + "canonical constructor are not accessible (" + e + "). If it lives in a named module, open "
                    + "its package to Weir", e);
        }
    }

    /** Null when {@code type} qualifies as a POJO, else the reason it does not. */
    private static String whyNotPojo(Class<?> type) {
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.")) {
            return "JDK classes are never treated as POJOs";
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            return "the class is not public";
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return "the class is abstract";
        }
        if (type.isAnonymousClass() || type.isLocalClass() || type.isHidden()) {
            return "anonymous, local and lambda classes are not POJOs";
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return "an inner class must be static";
        }
        try {
            type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return "it has no no-argument constructor";
        }
        return null;
    }

    /** Null if some field cannot be opened (a class in a named module that does not open its package). */
    private ClassPlan pojoPlan(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        try {
            for (Class<?> c : hierarchy) {
                Field[] declared = c.getDeclaredFields();
                // Declaration order is not specified by reflection: sort by name so that the field order,
                // and therefore key bytes, do not depend on the JVM.
                Arrays.sort(declared, Comparator.comparing(Field::getName));
                for (Field f : declared) {
                    int m = f.getModifiers();
                    if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                        f.setAccessible(true);
                        fields.add(f);
                    }
                }
            }
            Constructor<?> noArg = type.getDeclaredConstructor();
            noArg.setAccessible(true);
            MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(noArg)
                    .asType(MethodType.methodType(Object.class));
            Field[] array = fields.toArray(new Field[0]);
            return new ClassPlan(type, Tags.POJO, count++, null, array, kinds(array), constructor, null);
        } catch (InaccessibleObjectException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new SerializationException("Cannot analyse POJO " + type.getName() + ": " + e, e);
        }
    }

    private static byte[] kinds(Field[] fields) {
        byte[] kinds = new byte[fields.length];
        for (int i = 0; i < fields.length; i++) {
            kinds[i] = ClassPlan.kindOf(fields[i].getType());
        }
        return kinds;
    }

    private static Set<Class<?>> classesOf(Object... samples) {
        Set<Class<?>> classes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object sample : samples) {
            classes.add(sample.getClass());
        }
        return classes;
    }
}
