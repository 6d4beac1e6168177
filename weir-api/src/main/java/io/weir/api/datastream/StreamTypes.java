package io.weir.api.datastream;

import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.connector.source.Source;
import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.PartitionTransformation;
import io.weir.api.dag.SideOutputTransformation;
import io.weir.api.dag.SourceTransformation;
import io.weir.api.dag.Transformation;
import io.weir.api.dag.UnionTransformation;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.typeutils.TypeExtractor;

import java.lang.reflect.Type;

/**
 * The type of a stream's records as far as the job's code tells it, for checks made while the job is built: a
 * type the job gave ({@code returns}) or a source knows from its elements; the type argument of a source's or
 * function's class; a map lambda's return class; or the input's type, for operations that keep it (filter,
 * partitioning, union, timestamps, rolling aggregations, reducing windows). Null where it cannot be told; the
 * checks then happen on the first record instead.
 */
final class StreamTypes {
    private StreamTypes() {
    }

    static TypeInformation<?> of(Transformation<?> t) {
        if (t.getOutputType() != null) {
            return t.getOutputType();
        }
        if (t instanceof PartitionTransformation<?> p) {
            return of(p.getInput());
        }
        if (t instanceof UnionTransformation<?> u) {
            return of(u.getUnionInputs().get(0));
        }
        if (t instanceof SideOutputTransformation<?> s) {
            return s.getTag().getTypeInfo();
        }
        if (t instanceof SourceTransformation<?> s) {
            Type produced = TypeExtractor.typeArgument(s.getSource().getClass(), Source.class, 0);
            return produced == null ? null : known(TypeExtractor.forType(produced));
        }
        if (t instanceof OneInputTransformation<?, ?> o) {
            return ofOperation(o.getOperation(), o.getInput());
        }
        return null;
    }

    private static TypeInformation<?> ofOperation(Operation operation, Transformation<?> input) {
        if (operation instanceof Operation.Filter || operation instanceof Operation.AssignTimestampsAndWatermarks
                || operation instanceof Operation.RollingReduce) {
            return of(input);
        }
        if (operation instanceof Operation.Window w) {
            return w.windowFunction() == null && w.preAggregation() instanceof ReduceFunction<?> ? of(input) : null;
        }
        if (operation instanceof Operation.Map m) {
            return TypeExtractor.outputType(m.function(), MapFunction.class, 1);
        }
        if (operation instanceof Operation.FlatMap f) {
            return TypeExtractor.outputType(f.function(), FlatMapFunction.class, 1);
        }
        if (operation instanceof Operation.Process p) {
            return TypeExtractor.outputType(p.function(), ProcessFunction.class, 1);
        }
        if (operation instanceof Operation.KeyedProcess p) {
            return TypeExtractor.outputType(p.function(), KeyedProcessFunction.class, 2);
        }
        return null;
    }

    private static TypeInformation<?> known(TypeInformation<?> type) {
        return type == null || type.getTypeClass() == Object.class ? null : type;
    }
}
