package io.weir.runtime.translate;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SideOutputTransformation;
import io.weir.api.dag.Transformation;
import io.weir.api.dag.TwoInputTransformation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects a job that uses one side-output id with two record types, as Flink does: side outputs are matched by
 * id alone, so records of one type would reach a consumer expecting the other. Sees the tags the job's graph
 * names (late-data outputs of windows and interval joins, {@code getSideOutput}); the tags a function passes to
 * {@code ctx.output} are inside its code.
 */
final class SideOutputTypes {
    private SideOutputTypes() {
    }

    /** A tag and where the job uses it, for the message. */
    private record Use(OutputTag<?> tag, String where) {
    }

    static void check(Pipeline pipeline) {
        Map<String, Use> firstUse = new LinkedHashMap<>();
        for (Use use : uses(pipeline)) {
            Use earlier = firstUse.putIfAbsent(use.tag().getId(), use);
            if (earlier != null && !earlier.tag().getTypeInfo().equals(use.tag().getTypeInfo())) {
                throw new IllegalArgumentException("Side output '" + use.tag().getId() + "' is used with two types: "
                        + earlier.tag().getTypeInfo() + " (" + earlier.where() + ") and " + use.tag().getTypeInfo()
                        + " (" + use.where() + "). Side outputs are told apart by id alone: give each type its own "
                        + "id, or use the same type");
            }
        }
    }

    private static List<Use> uses(Pipeline pipeline) {
        List<Use> uses = new ArrayList<>();
        Set<Transformation<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Transformation<?>> stack = new ArrayList<>(pipeline.sinks());
        while (!stack.isEmpty()) {
            Transformation<?> t = stack.remove(stack.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            stack.addAll(t.getInputs());
            if (t instanceof SideOutputTransformation<?> s) {
                uses.add(new Use(s.getTag(), "getSideOutput on '" + s.getInput().getName() + "'"));
            } else if (t instanceof OneInputTransformation<?, ?> o
                    && o.getOperation() instanceof Operation.Window w && w.lateDataTag() != null) {
                uses.add(new Use(w.lateDataTag(), "sideOutputLateData of '" + t.getName() + "'"));
            } else if (t instanceof TwoInputTransformation<?, ?, ?> o
                    && o.getOperation() instanceof Operation.IntervalJoin j) {
                if (j.leftLateData() != null) {
                    uses.add(new Use(j.leftLateData(), "sideOutputLeftLateData of '" + t.getName() + "'"));
                }
                if (j.rightLateData() != null) {
                    uses.add(new Use(j.rightLateData(), "sideOutputRightLateData of '" + t.getName() + "'"));
                }
            }
        }
        return uses;
    }
}
