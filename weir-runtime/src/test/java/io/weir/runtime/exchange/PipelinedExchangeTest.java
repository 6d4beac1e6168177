package io.weir.runtime.exchange;

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

    @Test
    void anInputsWatermarkIsTheMinimumOverItsOpenChannels() {
        InputGate gate = new InputGate(new int[] {0, 0, 1}, new Semaphore[] {new Semaphore(1), new Semaphore(1),
                new Semaphore(1)}, 2);
        assertThat(gate.onWatermark(0, 10)).isEqualTo(Long.MIN_VALUE);
        assertThat(gate.onWatermark(1, 7)).isEqualTo(7);
        assertThat(gate.onWatermark(1, 12)).isEqualTo(10);
        assertThat(gate.onWatermark(1, 11)).isEqualTo(Long.MIN_VALUE);
        assertThat(gate.onWatermark(2, 3)).isEqualTo(3);
        assertThat(gate.onEnd(0)).isFalse();
        assertThat(gate.watermarkAfterEnd(0)).isEqualTo(12);
        assertThat(gate.onEnd(1)).isTrue();
        assertThat(gate.allEnded()).isFalse();
        assertThat(gate.onEnd(2)).isTrue();
        assertThat(gate.allEnded()).isTrue();
    }
}
