package io.weir.runtime.task;

import io.weir.runtime.time.ProcessingTimeCallback;
import io.weir.runtime.time.ProcessingTimeService;

/** The task's processing-time service as one operator uses it: a failing callback is that operator's failure. */
final class OperatorProcessingTimeService implements ProcessingTimeService {
    private final ProcessingTimeService task;
    private final String operatorName;
    private final String subtask;

    OperatorProcessingTimeService(ProcessingTimeService task, String operatorName, String subtask) {
        this.task = task;
        this.operatorName = operatorName;
        this.subtask = subtask;
    }

    @Override
    public long currentProcessingTime() {
        return task.currentProcessingTime();
    }

    @Override
    public Scheduled registerTimer(long time, ProcessingTimeCallback callback) {
        return task.registerTimer(time, t -> {
            try {
                callback.onProcessingTime(t);
            } catch (OperatorException | TaskCancelledException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorException(operatorName, subtask, e);
            }
        });
    }

    @Override
    public void shutdown() {
        task.shutdown();
    }
}
