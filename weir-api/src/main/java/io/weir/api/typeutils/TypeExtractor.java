package io.weir.api.typeutils;

import io.weir.api.common.typeinfo.BasicTypeInfo;
import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.tuple.Tuple;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells types from what the job's code reveals: classes, generic signatures (of a function class, of an
 * anonymous subclass such as {@code new OutputTag<Event>("late") {}}), a lambda's compiled signature, and values.
 * A lambda's generic types are erased, so only its raw return class can be told. Methods return null where the
 * type cannot be told (a type variable, {@code Object}).
 */
public final class TypeExtractor {
    private static final TypeInformation<Object> ANY = new GenericTypeInfo<>(Object.class);

    private TypeExtractor() {
    }

    /** The type info of a class: basic, tuple (its field types unknown), POJO or record, or generic. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<T> forClass(Class<T> type) {
        BasicTypeInfo<T> basic = BasicTypeInfo.getInfoFor(type);
        if (basic != null) {
            return basic;
        }
        if (Tuple.class.isAssignableFrom(type) && type != Tuple.class) {
            TypeInformation<?>[] fields = new TypeInformation<?>[TupleTypeInfo.arityOf(type)];
            java.util.Arrays.fill(fields, ANY);
            return new TupleTypeInfo(type, fields);
        }
        if (PojoTypeInfo.isPojo(type)) {
            return PojoTypeInfo.of(type);
        }
        return new GenericTypeInfo<>(type);
    }

    /** The type info of a reflected type, or null for a type variable, wildcard or generic array. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeInformation<?> forType(Type type) {
        if (type instanceof Class<?> c) {
            return forClass(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Tuple.class.isAssignableFrom(raw) && raw != Tuple.class) {
                Type[] arguments = p.getActualTypeArguments();
                TypeInformation<?>[] fields = new TypeInformation<?>[arguments.length];
                for (int i = 0; i < arguments.length; i++) {
                    TypeInformation<?> field = forType(arguments[i]);
                    fields[i] = field == null ? ANY : field;
                }
                return new TupleTypeInfo(raw, fields);
            }
            return forClass(raw);
        }
        return null;
    }

    /**
     * The type info of a value: for a tuple, with the classes of its field values as field types (a null field
     * counts as {@code Object}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeInformation<?> forValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Tuple t) {
            TypeInformation<?>[] fields = new TypeInformation<?>[t.getArity()];
            for (int i = 0; i < fields.length; i++) {
                Object field = t.getField(i);
                fields[i] = field == null ? ANY : forClass(field.getClass());
            }
            return new TupleTypeInfo(t.getClass(), fields);
        }
        return forClass(value.getClass());
    }

    /**
     * The type all {@code values} share: their class when they all have the same one (tuples: with a field's type
     * where all values agree on it), else null.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeInformation<?> forValues(Iterable<?> values) {
        Class<?> common = null;
        List<Object> tuples = new ArrayList<>();
        for (Object value : values) {
            if (value == null) {
                return null;
            }
            if (common == null) {
                common = value.getClass();
            } else if (common != value.getClass()) {
                return null;
            }
            if (value instanceof Tuple) {
                tuples.add(value);
            }
        }
        if (common == null) {
            return null;
        }
        if (tuples.isEmpty()) {
            return forClass(common);
        }
        TypeInformation<?>[] fields = new TypeInformation<?>[TupleTypeInfo.arityOf(common)];
        Class<?>[] fieldClasses = new Class<?>[fields.length];
        boolean[] mixed = new boolean[fields.length];
        for (Object tuple : tuples) {
            for (int i = 0; i < fields.length; i++) {
                Object field = ((Tuple) tuple).getField(i);
                Class<?> c = field == null ? null : field.getClass();
                if (fieldClasses[i] == null) {
                    fieldClasses[i] = c;
                } else if (c != null && c != fieldClasses[i]) {
                    mixed[i] = true;
                }
            }
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = mixed[i] || fieldClasses[i] == null ? ANY : forClass(fieldClasses[i]);
        }
        return new TupleTypeInfo(common, fields);
    }

    /**
     * The type argument {@code index} that {@code type} (a class, possibly anonymous) gives the generic class or
     * interface {@code base}, followed through its superclasses and interfaces; null if none is given.
     */
    public static Type typeArgument(Class<?> type, Class<?> base, int index) {
        return find(type, base, index, Map.of());
    }

    private static Type find(Type type, Class<?> base, int index, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            raw = c;
            TypeVariable<?>[] variables = c.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v && outer.containsKey(v)
                        ? outer.get(v) : argument);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == base) {
            Type found = bindings.get(base.getTypeParameters()[index]);
            return found instanceof TypeVariable<?> ? null : found;
        }
        List<Type> supertypes = new ArrayList<>();
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        supertypes.addAll(List.of(raw.getGenericInterfaces()));
        for (Type supertype : supertypes) {
            Type found = find(supertype, base, index, bindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The output type of a user function: from a lambda's or method reference's compiled signature (its return
     * class), else from the type argument {@code outputIndex} its class gives {@code functionType}. Null when it
     * cannot be told.
     */
    public static TypeInformation<?> outputType(Object function, Class<?> functionType, int outputIndex) {
        if (function == null) {
            return null;
        }
        SerializedLambda lambda = serializedLambda(function);
        if (lambda != null) {
            return lambdaReturnType(lambda, function.getClass().getClassLoader());
        }
        Type argument = typeArgument(function.getClass(), functionType, outputIndex);
        TypeInformation<?> info = argument == null ? null : forType(argument);
        return info == null || info.getTypeClass() == Object.class ? null : info;
    }

    private static TypeInformation<?> lambdaReturnType(SerializedLambda lambda, ClassLoader loader) {
        String descriptor = lambda.getInstantiatedMethodType();
        String returned = descriptor.substring(descriptor.indexOf(')') + 1);
        if (!returned.startsWith("L") || !returned.endsWith(";")) {
            return null;
        }
        try {
            Class<?> type = Class.forName(returned.substring(1, returned.length() - 1).replace('/', '.'), false,
                    loader);
            return type == Object.class ? null : forClass(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static SerializedLambda serializedLambda(Object function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException notALambda) {
            // Not a serializable lambda, or one that may not be opened: its type cannot be told this way.
            return null;
        }
    }
}
