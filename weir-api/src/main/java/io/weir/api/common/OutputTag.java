package io.weir.api.common;

import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeExtractor;

import java.io.ObjectStreamException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output and the type of its records, as in Flink: {@code new OutputTag<>("late", Types.STRING)}, or
 * the anonymous subclass {@code new OutputTag<Event>("late") {}}, whose type argument is read by reflection. Two
 * tags are the same side output when their ids are equal; one id with two different types anywhere in a job is
 * rejected when the job is built.
 */
public class OutputTag<T> implements java.io.Serializable {
    private static final long serialVersionUID = 2L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    /**
     * A tag whose type is its anonymous subclass's type argument: {@code new OutputTag<Event>("late") {}}.
     *
     * @throws IllegalArgumentException if the tag is not an anonymous subclass with a concrete type argument
     */
    @SuppressWarnings("unchecked")
    public OutputTag(String id) {
        this.id = checkId(id);
        Type argument = TypeExtractor.typeArgument(getClass(), OutputTag.class, 0);
        TypeInformation<?> type = argument == null ? null : TypeExtractor.forType(argument);
        if (type == null) {
            throw new IllegalArgumentException("OutputTag '" + id + "': cannot tell the type of its records. Make "
                    + "the tag an anonymous subclass with the type written out, new OutputTag<Event>(\"" + id
                    + "\") {}, or give the type: new OutputTag<>(\"" + id + "\", Types.POJO(Event.class))");
        }
        this.typeInfo = (TypeInformation<T>) type;
    }

    /** A tag of records of {@code typeInfo}, e.g. {@code new OutputTag<>("late", Types.TUPLE(Types.STRING, Types.LONG))}. */
    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = checkId(id);
        if (typeInfo == null) {
            throw new IllegalArgumentException("OutputTag '" + id + "' needs the type of its records, got null");
        }
        this.typeInfo = typeInfo;
    }

    private static String checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    /**
     * Shipped with the functions as a plain tag: an anonymous subclass made in an instance method holds its
     * enclosing object, which need not be serializable.
     */
    protected final Object writeReplace() throws ObjectStreamException {
        return getClass() == OutputTag.class ? this : new OutputTag<>(id, typeInfo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ", " + typeInfo + ")";
    }
}
