package io.weir.runtime.graph;

import java.util.List;

/**
 * Prints a {@link JobGraph} as stable text (for people and for tests that compare plans exactly) and as
 * JSON (for {@code getExecutionPlan()} and tools). Both show tasks, chained operators, parallelism and the
 * exchanges with their partitioner and kind.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String toText(JobGraph graph) {
        StringBuilder sb = new StringBuilder();
        sb.append("Job '").append(graph.jobName()).append("' mode=").append(graph.mode())
                .append(" max-parallelism=").append(graph.maxParallelism()).append('\n');
        java.util.Map<Integer, Integer> stages = PipelinedRegions.stageOfTask(graph);
        for (JobVertex v : graph.vertices()) {
            sb.append("Task ").append(v.id()).append(" [p=").append(v.parallelism()).append("] stage ")
                    .append(stages.get(v.id())).append(": ").append(v.name()).append('\n');
            for (JobEdge e : graph.inputsOf(v.id())) {
                sb.append("  <- Task ").append(e.sourceVertex());
                if (e.tag() != null) {
                    sb.append(" side output '").append(e.tag().getId()).append('\'');
                }
                sb.append(" ").append(e.partitioner()).append(' ').append(e.exchangeKind());
                if (v.head().numberOfInputs() > 1) {
                    sb.append(" into input ").append(e.targetInput());
                }
                if (v.head().keyedState() == KeyedStateKind.SINGLE_KEY_SORTED_INPUT) {
                    sb.append(" sorted-by-key");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public static String toJson(JobGraph graph) {
        StringBuilder sb = new StringBuilder();
        java.util.Map<Integer, Integer> stages = PipelinedRegions.stageOfTask(graph);
        sb.append("{\n  \"jobName\": ").append(quote(graph.jobName()))
                .append(",\n  \"mode\": ").append(quote(graph.mode().name()))
                .append(",\n  \"maxParallelism\": ").append(graph.maxParallelism())
                .append(",\n  \"tasks\": [");
        List<JobVertex> vertices = graph.vertices();
        for (int i = 0; i < vertices.size(); i++) {
            JobVertex v = vertices.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"id\": ").append(v.id())
                    .append(", \"name\": ").append(quote(v.name()))
                    .append(", \"parallelism\": ").append(v.parallelism())
                    .append(", \"stage\": ").append(stages.get(v.id()))
                    .append(",\n     \"operators\": [");
            for (int j = 0; j < v.operators().size(); j++) {
                ChainedOperator op = v.operators().get(j);
                sb.append(j == 0 ? "" : ", ").append("{\"id\": ").append(op.nodeId())
                        .append(", \"name\": ").append(quote(op.name()))
                        .append(", \"operator\": ").append(quote(op.factory().description()))
                        .append(", \"keyed\": ").append(op.isKeyed());
                if (op.isKeyed()) {
                    sb.append(", \"keyedState\": ").append(quote(op.keyedState().name()));
                }
                if (op.hasGroupedInputs()) {
                    sb.append(", \"inputsGroupedByKey\": [");
                    String separator = "";
                    for (int in = 0; in < op.groupedInputKeys().size(); in++) {
                        if (op.groupedInputKeys().get(in) != null) {
                            sb.append(separator).append(in);
                            separator = ", ";
                        }
                    }
                    sb.append(']');
                }
                if (op.uid() != null) {
                    sb.append(", \"uid\": ").append(quote(op.uid()));
                }
                sb.append('}');
            }
            sb.append("],\n     \"inputs\": [");
            List<JobEdge> inputs = graph.inputsOf(v.id());
            for (int j = 0; j < inputs.size(); j++) {
                JobEdge e = inputs.get(j);
                sb.append(j == 0 ? "" : ", ").append("{\"fromTask\": ").append(e.sourceVertex())
                        .append(", \"input\": ").append(e.targetInput())
                        .append(", \"partitioner\": ").append(quote(e.partitioner().name()))
                        .append(", \"exchange\": ").append(quote(e.exchangeKind().name()));
                if (e.tag() != null) {
                    sb.append(", \"sideOutput\": ").append(quote(e.tag().getId()));
                }
                sb.append('}');
            }
            sb.append("]}");
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
