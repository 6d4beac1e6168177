/**
 * JMH micro-benchmarks of Weir's hot paths. Each reports records (or accesses) per second: a benchmark method
 * handles a fixed number of them and declares it with {@code @OperationsPerInvocation}.
 * <pre>
 *  ChannelHandoffBenchmark   PipelinedPartitionWriter -&gt; PipelinedChannel -&gt; TaskInbox, producer and consumer threads
 *  SerializationBenchmark    RecordSerializer: Tuple2&lt;String,Integer&gt;, Long, a Java record; to bytes and back
 *  SorterBenchmark           ExternalSorter: add, finish, read back, at 64 MB (in memory) and 4 MB (spills)
 *  KeyRouterBenchmark        ChannelSelector.byKey / KeyGroups: key -&gt; hash -&gt; key group -&gt; subtask
 *  StateAccessBenchmark      HeapKeyedStateBackend ValueState: setCurrentKey, value(), update()
 * </pre>
 * Run them with {@code weir-bench/run.sh --jmh} or
 * {@code java -cp "$(cat weir-bench/work/weir.classpath)" org.openjdk.jmh.Main [regex]}.
 */
package io.weir.bench.jmh;
