package io.weir.runtime.translate;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.PartitionTransformation;
import io.weir.api.dag.Partitioning;
import io.weir.api.dag.SideOutputTransformation;
import io.weir.api.dag.SinkTransformation;
import io.weir.api.dag.SourceTransformation;
import io.weir.api.dag.Transformation;
import io.weir.api.dag.TwoInputTransformation;
import io.weir.api.dag.UnionTransformation;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.graph.OperatorFactory;
import io.weir.runtime.graph.SimpleOperatorFactory;
import io.weir.runtime.graph.SinkOperatorFactory;
import io.weir.runtime.graph.SourceOperatorFactory;
import io.weir.runtime.operators.CheckedKeySelector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the API's transformations into operator nodes and edges: partitioning, union and side-output
 * transformations become properties of edges; parallelism defaults are applied and checked. Every user key
 * selector, of an edge or of a keyed operator, is wrapped in a {@link CheckedKeySelector} naming the keyed
 * operator, so that keys are checked the same way wherever either mode takes them.
 */
final class StreamGraphBuilder {
    private final int defaultParallelism;
    private final int maxParallelism;
    private final ModeChoices choices;
    private final OperationTranslator translator;
    private final Map<Transformation<?>, StreamNode> nodes = new IdentityHashMap<>();
    private final List<StreamNode> topologicalOrder = new ArrayList<>();
    private int nextId = 1;

    /** A producer as seen from a consumer: a node, which of its outputs, and the partitioning if one was set. */
    private record Upstream(StreamNode node, OutputTag<?> tag, Partitioning partitioning) {
    }

    StreamGraphBuilder(int defaultParallelism, int maxParallelism, ModeChoices choices,
                       OperationTranslator translator) {
        this.defaultParallelism = defaultParallelism;
        this.maxParallelism = maxParallelism;
        this.choices = choices;
        this.translator = translator;
    }

    List<StreamNode> build(List<SinkTransformation<?>> sinks) {
        for (SinkTransformation<?> sink : sinks) {
            node(sink);
        }
        return topologicalOrder;
    }

    /** The selector wrapped to check each key's class and nulls, naming the operator; null for an unkeyed input. */
    private static KeySelector<?, ?> checked(KeySelector<?, ?> selector, String operatorName) {
        return selector == null ? null : CheckedKeySelector.of(selector, operatorName);
    }

    private StreamNode node(Transformation<?> t) {
        StreamNode existing = nodes.get(t);
        if (existing != null) {
            return existing;
        }
        StreamNode node;
        if (t instanceof SourceTransformation<?> s) {
            node = register(t, sourceFactory(s, choices.runWatermarkGenerators()), 0, List.of(), List.of(), true);
        } else if (t instanceof OneInputTransformation<?, ?> o) {
            List<Upstream> in = resolve(o.getInput());
            KeySelector<?, ?> key = o.isKeyed() ? CheckedKeySelector.of(o.getKeySelector(), t.getName()) : null;
            ModeChoices.Combining combining = o.isKeyed() ? choices.combiner(o.getOperation(), key, t.getName()) : null;
            if (combining == null) {
                List<KeySelector<?, ?>> keys = o.isKeyed() ? List.of(key) : List.of();
                node = register(t, operatorFactory(o.getOperation(), t.getName()), 1, keys, List.of(), false);
                connect(in, node, 0);
            } else {
                node = register(t, combining.finalOperator(), 1, List.of(combining.partialKey()), List.of(), false);
                connect(combined(in, combining, node), node, 0);
            }
        } else if (t instanceof TwoInputTransformation<?, ?, ?> o) {
            List<Upstream> in1 = resolve(o.getInput1());
            List<Upstream> in2 = resolve(o.getInput2());
            KeySelector<?, ?> key1 = checked(o.getKeySelector1(), t.getName());
            KeySelector<?, ?> key2 = checked(o.getKeySelector2(), t.getName());
            List<KeySelector<?, ?>> keys = o.isKeyed() ? List.of(key1, key2) : List.of();
            boolean groups = !o.isKeyed() && choices.groupsKeyedInputsOfUnkeyedOperators()
                    && (key1 != null || key2 != null);
            // Nulls for the input that is not keyed: List.of would refuse them.
            List<KeySelector<?, ?>> grouped = groups
                    ? Collections.unmodifiableList(Arrays.asList(key1, key2))
                    : List.of();
            node = register(t, choices.operator(o.getOperation(), t.getName()), 2, keys, grouped, false);
            connect(in1, node, 0);
            connect(in2, node, 1);
        } else if (t instanceof SinkTransformation<?> s) {
            List<Upstream> in = resolve(s.getInput());
            node = register(t, sinkFactory(s, choices.sinksPublishAtEndOfInput()), 1, List.of(), List.of(), false);
            connect(in, node, 0);
        } else {
            throw new IllegalStateException("Not an operator: " + t);
        }
        return node;
    }

    /** Like a source's, a timestamp assigner's generator runs only when the mode generates watermarks. */
    private OperatorFactory operatorFactory(Operation operation, String operatorName) {
        if (operation instanceof Operation.AssignTimestampsAndWatermarks assign) {
            return translator.timestampsAndWatermarks(assign, operatorName, choices.runWatermarkGenerators());
        }
        return choices.operator(operation, operatorName);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OperatorFactory sourceFactory(SourceTransformation<?> s, boolean runWatermarkGenerators) {
        return new SourceOperatorFactory(s.getSource(), s.getWatermarkStrategy(), runWatermarkGenerators);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OperatorFactory sinkFactory(SinkTransformation<?> s, boolean publishAtEndOfInput) {
        return new SinkOperatorFactory(s.getSink(), publishAtEndOfInput);
    }

    private StreamNode register(Transformation<?> t, OperatorFactory factory, int inputs,
                                List<KeySelector<?, ?>> keys, List<KeySelector<?, ?>> groupedInputKeys,
                                boolean isSource) {
        int parallelism = t.getParallelism() > 0 ? t.getParallelism() : defaultParallelism;
        if (!keys.isEmpty() && parallelism > maxParallelism) {
            throw new IllegalArgumentException("Keyed operator '" + t.getName() + "' has parallelism " + parallelism
                    + ", above pipeline.max-parallelism (" + maxParallelism + "): raise pipeline.max-parallelism "
                    + "or lower the parallelism");
        }
        StreamNode node = new StreamNode(nextId++, t.getName(), t.getUid(), parallelism, t.isChainingDisabled(),
                factory, inputs, keys, isSource, choices.keyedState(), groupedInputKeys);
        nodes.put(t, node);
        topologicalOrder.add(node);
        return node;
    }

    /**
     * Puts a combiner behind each producer of a keyed rolling reduction: chained to the producer, it sends
     * partial aggregates through the same (keyed) partitioning.
     */
    private List<Upstream> combined(List<Upstream> upstreams, ModeChoices.Combining combining, StreamNode target) {
        List<Upstream> result = new ArrayList<>();
        for (Upstream u : upstreams) {
            StreamNode c = new StreamNode(nextId++, "Combine " + target.name, null, u.node().parallelism, false,
                    combining.combiner(), 1, List.of(), false, choices.keyedState(), List.of());
            // Registered ahead of its consumer so that the topological order holds.
            topologicalOrder.add(topologicalOrder.indexOf(target), c);
            StreamEdge edge = new StreamEdge(u.node(), u.tag(), c, 0, Partitioning.FORWARD);
            u.node().outputs.add(edge);
            c.inputs.add(edge);
            result.add(new Upstream(c, null, Partitioning.hash(combining.partialKey())));
        }
        return result;
    }

    private List<Upstream> resolve(Transformation<?> t) {
        List<Upstream> result = new ArrayList<>();
        if (t instanceof PartitionTransformation<?> p) {
            for (Upstream u : resolve(p.getInput())) {
                result.add(new Upstream(u.node(), u.tag(), p.getPartitioning()));
            }
        } else if (t instanceof UnionTransformation<?> u) {
            for (Transformation<?> input : u.getUnionInputs()) {
                result.addAll(resolve(input));
            }
        } else if (t instanceof SideOutputTransformation<?> s) {
            for (Upstream u : resolve(s.getInput())) {
                if (u.tag() != null || u.partitioning() != null) {
                    throw new IllegalArgumentException("getSideOutput(" + s.getTag().getId()
                            + ") must be called on the operator that emits it");
                }
                result.add(new Upstream(u.node(), s.getTag(), null));
            }
        } else {
            result.add(new Upstream(node(t), null, null));
        }
        return result;
    }

    private void connect(List<Upstream> upstreams, StreamNode target, int input) {
        for (Upstream u : upstreams) {
            Partitioning partitioning = u.partitioning();
            if (partitioning == null) {
                partitioning = u.node().parallelism == target.parallelism ? Partitioning.FORWARD : Partitioning.REBALANCE;
            } else if (partitioning.kind() == Partitioning.Kind.FORWARD && u.node().parallelism != target.parallelism) {
                throw new IllegalArgumentException("forward() from '" + u.node().name + "' (parallelism "
                        + u.node().parallelism + ") to '" + target.name + "' (parallelism " + target.parallelism
                        + ") is not possible: forward needs equal parallelism; use rebalance() or rescale()");
            } else if (partitioning.kind() == Partitioning.Kind.HASH) {
                partitioning = Partitioning.hash(CheckedKeySelector.of(partitioning.keySelector(), target.name));
            }
            StreamEdge edge = new StreamEdge(u.node(), u.tag(), target, input, partitioning);
            u.node().outputs.add(edge);
            target.inputs.add(edge);
        }
    }
}
