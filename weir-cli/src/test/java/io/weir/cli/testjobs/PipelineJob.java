package io.weir.cli.testjobs;

import io.weir.api.environment.StreamExecutionEnvironment;

/** A small real DataStream job with named operators. */
public final class PipelineJob {
    private PipelineJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements("a", "b").name("Letters")
                .map(String::toUpperCase).name("Upper")
                .print().name("Printer");
        env.execute("PipelineJob");
    }
}
