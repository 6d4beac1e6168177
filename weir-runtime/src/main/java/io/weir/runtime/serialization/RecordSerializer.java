package io.weir.runtime.serialization;

/**
 * Serializes record values whose static type is unknown (lambdas erase it): every value is a type tag
 * followed by its payload, recursively.
 *
 * <p>Supported, in the order a class is tried: null; String; the boxed primitives; BigInteger, BigDecimal;
 * primitive arrays and object arrays (keeping the component type); enums (by ordinal); Lists, Sets, Maps;
 * {@code Tuple2..Tuple5}; Java records (components by reflection, rebuilt by the canonical constructor);
 * POJOs (a public, non-abstract, top-level or static nested class with a no-argument constructor of any
 * visibility: all non-static, non-transient fields of it and its superclasses, private ones included); and
 * finally Java serialization for any other {@code Serializable}. Anything else fails on first use with a
 * {@link SerializationException} naming the class and the reason.
 *
 * <p>Collections come back as:
 * <pre>
 *  written                                      read back as
 *  ArrayList, other Lists (Arrays.asList, ..)   ArrayList
 *  LinkedList                                   LinkedList
 *  List.of, Collections.unmodifiable/empty/..   unmodifiable List (may hold nulls, unlike List.of)
 *  HashSet / LinkedHashSet                      the same class
 *  TreeSet (its comparator serialized too)      TreeSet
 *  Set.of, unmodifiable sets                    unmodifiable Set, in the written iteration order
 *  other Sets (EnumSet, keySet(), ...)          LinkedHashSet, in the written iteration order
 *  Maps: the same rules with HashMap, LinkedHashMap, TreeMap, Map.of, and LinkedHashMap for the rest
 * </pre>
 * Values are trees: a shared object is written once per reference, a cycle fails after
 * {@value ValueWriter#MAX_DEPTH} levels.
 *
 * <p>Class names (records, POJOs, enums, object arrays) are written once per {@link WriteScope} and then
 * referred to by number; a reader must reset its {@link ReadScope} wherever the writer reset. Everything
 * else about a value is self-describing.
 *
 * <p>Not thread-safe: one instance per thread. It caches a plan per class (fields, constructor), so the
 * hot path does no reflective lookups; strings, numbers and tuples are written without any map lookup.
 */
public final class RecordSerializer {
    /** {@link #serialize} flag: the value introduced a class to the scope (its bytes carry a class name). */
    public static final int DEFINED_CLASSES = 1;
    /**
     * {@link #serialize} flag: the value refers to a class introduced by an earlier value of the scope, so
     * its bytes cannot be read on their own. Without this flag they can, with {@link #deserializeStandalone}.
     */
    public static final int REFERRED_TO_EARLIER_CLASSES = 2;

    private final ClassPlans plans;
    private final ValueWriter writer;
    private final ValueReader reader;
    private final WriteScope standaloneWrite;
    private final ReadScope standaloneRead;

    /** Loads classes through the current thread's context class loader. */
    public RecordSerializer() {
        this(Thread.currentThread().getContextClassLoader());
    }

    /** Loads classes named in serialized data through {@code userClassLoader} (the job's class loader). */
    public RecordSerializer(ClassLoader userClassLoader) {
        this.plans = new ClassPlans(userClassLoader != null ? userClassLoader
                : RecordSerializer.class.getClassLoader());
        this.writer = new ValueWriter(plans, this);
        this.reader = new ValueReader(plans);
        this.standaloneWrite = new WriteScope(this);
        this.standaloneRead = new ReadScope(this);
    }

    public ClassLoader classLoader() {
        return plans.classLoader();
    }

    public WriteScope newWriteScope() {
        return new WriteScope(this);
    }

    public ReadScope newReadScope() {
        return new ReadScope(this);
    }

    /**
     * Appends {@code value} to {@code out} within {@code scope}. Atomic: on failure nothing is appended and
     * the scope is as before. Returns a combination of {@link #DEFINED_CLASSES} and
     * {@link #REFERRED_TO_EARLIER_CLASSES}.
     */
    public int serialize(Object value, DataOutputBuffer out, WriteScope scope) {
        checkOwner(scope.owner);
        return writer.write(value, out, scope, false);
    }

    /** Reads one value written by {@link #serialize} with the matching scope. */
    public Object deserialize(DataInputView in, ReadScope scope) {
        checkOwner(scope.owner);
        return reader.read(in, scope);
    }

    /** Appends {@code value} so that its bytes can be read on their own, wherever they are copied to. */
    public void serializeStandalone(Object value, DataOutputBuffer out) {
        standaloneWrite.reset();
        writer.write(value, out, standaloneWrite, false);
    }

    /**
     * Reads one value whose bytes stand alone: written by {@link #serializeStandalone}, by
     * {@link #serializeKey}, or by {@link #serialize} without {@link #REFERRED_TO_EARLIER_CLASSES}.
     */
    public Object deserializeStandalone(DataInputView in) {
        standaloneRead.reset();
        return reader.read(in, standaloneRead);
    }

    /**
     * Appends {@code key} deterministically: keys that are {@code equals} give equal bytes, whatever their
     * history, so that bytes can be compared and grouped instead of objects. Standalone like
     * {@link #serializeStandalone}. To that end: Sets and Maps of any class are written with their elements
     * (entries) sorted by their serialized bytes and read back as LinkedHashSet / LinkedHashMap; every List
     * is written as, and read back as, an ArrayList (a LinkedList equals an ArrayList with the same
     * elements); NaNs are folded to one as {@code Double.equals} does. Arrays are rejected: they compare by
     * identity. A record or POJO key must define {@code equals} over all its fields (records do), and a key
     * that falls back to Java serialization is deterministic only if its serialized form is.
     */
    public void serializeKey(Object key, DataOutputBuffer out) {
        standaloneWrite.reset();
        writer.write(key, out, standaloneWrite, true);
    }

    public Object deserializeKey(DataInputView in) {
        return deserializeStandalone(in);
    }

    private void checkOwner(RecordSerializer owner) {
        if (owner != this) {
            throw new IllegalArgumentException("A scope belongs to the RecordSerializer that created it: class "
                    + "numbers are local to a serializer");
        }
    }
}
