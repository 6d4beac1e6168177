package io.weir.runtime.jobs;

import io.weir.api.common.SimpleVersionedSerializer;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A two-phase sink for job tests that records, in a JVM-wide log named by the test, what its writers prepared and
 * what its committer committed and discarded. A writer prepares one committable: its subtask, attempt and records.
 * What each subtask or its committer does wrong is scripted by {@link Behaviour}.
 */
final class CommittingTestSink implements Sink<Long>, SupportsCommitter<CommittingTestSink.Batch> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Log> LOGS = new ConcurrentHashMap<>();

    /** What one writer prepared. */
    record Batch(int subtask, int attempt, List<Long> records) {
    }

    /** Everything that happened to the sink named by a test. */
    static final class Log {
        final List<Batch> prepared = new CopyOnWriteArrayList<>();
        final List<List<Batch>> commitCalls = new CopyOnWriteArrayList<>();
        final List<Batch> committed = new CopyOnWriteArrayList<>();
        final List<Batch> discarded = new CopyOnWriteArrayList<>();
        final List<String> jobIds = new CopyOnWriteArrayList<>();
        volatile boolean committerClosed;
        /** Counted down when subtask 0 prepared its commit. */
        final CountDownLatch firstSubtaskPrepared = new CountDownLatch(1);

        List<Long> committedRecords() {
            return committed.stream().flatMap(b -> b.records().stream()).toList();
        }
    }

    enum Behaviour {
        /** Everything works. */
        WORKS,
        /** The last subtask throws at its end of input, once subtask 0 has prepared its commit. */
        LAST_SUBTASK_FAILS_AFTER_FIRST_PREPARED,
        /** Subtask 0's first attempt fails when closed, after it prepared its commit. */
        FIRST_ATTEMPT_OF_SUBTASK_0_FAILS_AFTER_PREPARING,
        /** The committer asks to retry every committable once. */
        COMMITTER_RETRIES_ONCE,
        /** The committer rejects the committables. */
        COMMITTER_FAILS,
        /** The committer throws an Error, as a class missing from the job jar would make it. */
        COMMITTER_THROWS_AN_ERROR,
        /** The committer cannot be created. */
        COMMITTER_CANNOT_BE_CREATED
    }

    private final String name;
    private final Behaviour behaviour;

    private CommittingTestSink(String name, Behaviour behaviour) {
        this.name = name;
        this.behaviour = behaviour;
    }

    /** A sink logging into a fresh log {@code name}. */
    static CommittingTestSink named(String name, Behaviour behaviour) {
        LOGS.put(name, new Log());
        return new CommittingTestSink(name, behaviour);
    }

    static Log log(String name) {
        return LOGS.get(name);
    }

    @Override
    public CommittingSinkWriter<Long, Batch> createWriter(WriterInitContext context) {
        Log log = LOGS.get(name);
        log.jobIds.add(context.getJobId());
        int subtask = context.getSubtaskId();
        int attempt = context.getAttemptNumber();
        boolean last = subtask == context.getNumberOfParallelSubtasks() - 1;
        return new CommittingSinkWriter<>() {
            private final List<Long> records = new ArrayList<>();
            private boolean preparedCommit;

            @Override
            public void write(Long element, Context ctx) {
                records.add(element);
            }

            @Override
            public void flush(boolean endOfInput) throws Exception {
                if (endOfInput && last && subtask > 0 && behaviour == Behaviour.LAST_SUBTASK_FAILS_AFTER_FIRST_PREPARED) {
                    log.firstSubtaskPrepared.await();
                    throw new IOException("sink subtask " + subtask + " fails after subtask 0 prepared");
                }
            }

            @Override
            public Collection<Batch> prepareCommit() {
                Batch batch = new Batch(subtask, attempt, List.copyOf(records));
                log.prepared.add(batch);
                preparedCommit = true;
                if (subtask == 0) {
                    log.firstSubtaskPrepared.countDown();
                }
                return List.of(batch);
            }

            @Override
            public void close() throws IOException {
                if (preparedCommit && subtask == 0 && attempt == 0
                        && behaviour == Behaviour.FIRST_ATTEMPT_OF_SUBTASK_0_FAILS_AFTER_PREPARING) {
                    throw new IOException("subtask 0 attempt 0 fails after preparing its commit");
                }
            }
        };
    }

    @Override
    public Committer<Batch> createCommitter(CommitterInitContext context) throws IOException {
        if (behaviour == Behaviour.COMMITTER_CANNOT_BE_CREATED) {
            throw new IOException("no room for a committer");
        }
        Log log = LOGS.get(name);
        return new Committer<>() {
            @Override
            public void commit(Collection<CommitRequest<Batch>> requests) {
                List<Batch> call = new ArrayList<>();
                if (behaviour == Behaviour.COMMITTER_THROWS_AN_ERROR) {
                    throw new NoClassDefFoundError("com/example/StoreClient");
                }
                for (CommitRequest<Batch> request : requests) {
                    call.add(request.getCommittable());
                    if (behaviour == Behaviour.COMMITTER_FAILS) {
                        request.signalFailedWithKnownReason(new IOException("the store refused " + request.getCommittable()));
                    } else if (behaviour == Behaviour.COMMITTER_RETRIES_ONCE && request.getNumberOfRetries() == 0) {
                        request.retryLater();
                    } else {
                        log.committed.add(request.getCommittable());
                    }
                }
                log.commitCalls.add(call);
            }

            @Override
            public void close() {
                for (Batch batch : log.prepared) {
                    if (!log.committed.contains(batch)) {
                        log.discarded.add(batch);
                    }
                }
                log.committerClosed = true;
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 3;
            }

            @Override
            public byte[] serialize(Batch batch) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeInt(batch.subtask());
                    out.writeInt(batch.attempt());
                    out.writeInt(batch.records().size());
                    for (long r : batch.records()) {
                        out.writeLong(r);
                    }
                }
                return bytes.toByteArray();
            }

            @Override
            public Batch deserialize(int version, byte[] serialized) throws IOException {
                if (version != 3) {
                    throw new IOException("unexpected version " + version);
                }
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                    int subtask = in.readInt();
                    int attempt = in.readInt();
                    List<Long> records = new ArrayList<>();
                    for (int i = in.readInt(); i > 0; i--) {
                        records.add(in.readLong());
                    }
                    return new Batch(subtask, attempt, records);
                }
            }
        };
    }
}
