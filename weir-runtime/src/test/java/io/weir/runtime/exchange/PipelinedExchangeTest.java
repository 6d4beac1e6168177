package io.weir.runtime.exchange;

import io.weir.runtime.time.WatermarkStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

class PipelinedExchangeTest {

    private static List<Object> drain(TaskInbox inbox) {
        List<Object> items = new ArrayList<>();
        Object o;
        while ((o = inbox.pollNow()) != null) {
            items.add(o);
        }
        return items;
    }

    @Test
    void recordsTravelInBatchesAndPartlyFilledBatchesLeaveOnFlush() throws Exception {
        TaskInbox inbox = new TaskInbox();
        Semaphore credits = new Semaphore(10);
        PipelinedPartitionWriter writer = new PipelinedPartitionWriter(
                new PipelinedChannel[] {new PipelinedChannel(0, inbox, credits)}, ChannelSelector.single(), 4);
        for (int i = 0; i < 10; i++) {
            writer.emit(i, Long.MIN_VALUE);
        }
        assertThat(inbox.size()).isEqualTo(2);
        assertThat(writer.hasPending()).isTrue();
        writer.flush();
        List<Object> items = drain(inbox);
        assertThat(items).hasSize(3);
        assertThat(((RecordBatch) items.get(2)).size()).isEqualTo(2);
        assertThat(credits.availablePermits()).isEqualTo(7);
    }

    @Test
    void watermarkAndEndFollowTheRecordsSentBeforeThem() throws Exception {
        TaskInbox inbox = new TaskInbox();
        PipelinedPartitionWriter writer = new PipelinedPartitionWriter(
                new PipelinedChannel[] {new PipelinedChannel(3, inbox, new Semaphore(10))}, ChannelSelector.single(), 100);
        writer.emit("a", 5);
        writer.emitWatermark(4);
        writer.finish();
        List<Object> items = drain(inbox);
        assertThat(items).hasSize(3);
        RecordBatch batch = (RecordBatch) items.get(0);
        assertThat(batch.value(0)).isEqualTo("a");
        assertThat(batch.timestamp(0)).isEqualTo(5);
        assertThat(items.get(1)).isEqualTo(new ChannelEvent.WatermarkEvent(3, 4));
        assertThat(items.get(2)).isEqualTo(new ChannelEvent.EndOfChannel(3));
    }

    @Test
    void aStatusFollowsTheRecordsSentBeforeItOnEveryChannel() throws Exception {
        TaskInbox a = new TaskInbox();
        TaskInbox b = new TaskInbox();
        PipelinedPartitionWriter writer = new PipelinedPartitionWriter(new PipelinedChannel[] {
                new PipelinedChannel(1, a, new Semaphore(4)), new PipelinedChannel(2, b, new Semaphore(4))},
                value -> 0, 100);
        writer.emit("a", 5);
        writer.emitWatermarkStatus(WatermarkStatus.IDLE);
        List<Object> first = drain(a);
        assertThat(first).hasSize(2);
        assertThat(((RecordBatch) first.get(0)).value(0)).isEqualTo("a");
        assertThat(first.get(1)).isEqualTo(new ChannelEvent.WatermarkStatusEvent(1, WatermarkStatus.IDLE));
        assertThat(drain(b)).containsExactly(new ChannelEvent.WatermarkStatusEvent(2, WatermarkStatus.IDLE));
    }

    @Test
    void broadcastSendsEveryRecordToEveryChannel() throws Exception {
        TaskInbox a = new TaskInbox();
        TaskInbox b = new TaskInbox();
        PipelinedPartitionWriter writer = new PipelinedPartitionWriter(new PipelinedChannel[] {
                new PipelinedChannel(0, a, new Semaphore(4)), new PipelinedChannel(0, b, new Semaphore(4))}, null, 8);
        writer.emit("x", Long.MIN_VALUE);
        writer.emit("y", Long.MIN_VALUE);
        writer.flush();
        assertThat(((RecordBatch) a.pollNow()).size()).isEqualTo(2);
        assertThat(((RecordBatch) b.pollNow()).size()).isEqualTo(2);
    }

    @Test
    void aProducerWithoutCreditsBlocksUntilTheConsumerReturnsOne() throws Exception {
        TaskInbox inbox = new TaskInbox();
        Semaphore credits = new Semaphore(2);
        PipelinedChannel channel = new PipelinedChannel(0, inbox, credits);
        channel.send(new RecordBatch(1));
        channel.send(new RecordBatch(1));
        Thread producer = new Thread(() -> {
            try {
                channel.send(new RecordBatch(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        while (producer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(inbox.size()).isEqualTo(2);

        InputGate gate = new InputGate(new int[] {0}, new Semaphore[] {credits}, 1);
        gate.release(0);
        producer.join(5000);

        assertThat(producer.isAlive()).isFalse();
        assertThat(inbox.size()).isEqualTo(3);
    }
}
