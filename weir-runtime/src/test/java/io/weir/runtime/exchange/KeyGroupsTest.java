package io.weir.runtime.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyGroupsTest {

    @ParameterizedTest
    @CsvSource({"128,1", "128,2", "128,3", "128,4", "128,7", "128,128", "10,3", "1,1"})
    void everyKeyGroupBelongsToExactlyTheSubtaskWhoseRangeHoldsIt(int maxParallelism, int parallelism) {
        int covered = 0;
        for (int subtask = 0; subtask < parallelism; subtask++) {
            int first = KeyGroups.firstKeyGroup(subtask, maxParallelism, parallelism);
            int last = KeyGroups.lastKeyGroup(subtask, maxParallelism, parallelism);
            for (int kg = first; kg <= last; kg++) {
                assertThat(KeyGroups.subtaskOf(kg, maxParallelism, parallelism)).isEqualTo(subtask);
                covered++;
            }
        }
        assertThat(covered).isEqualTo(maxParallelism);
    }

    @Test
    void smallIntegerKeysSpreadOverAllKeyGroups() {
        int[] perGroup = new int[128];
        for (int key = 0; key < 12_800; key++) {
            perGroup[KeyGroups.keyGroupOf(key, 128)]++;
        }
        for (int count : perGroup) {
            assertThat(count).isBetween(50, 150);
        }
    }

    @Test
    void aKeyAlwaysMapsToTheSameGroup() {
        assertThat(KeyGroups.keyGroupOf("word", 128)).isEqualTo(KeyGroups.keyGroupOf(new String("word"), 128));
    }

    @Test
    void nullKeysAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> KeyGroups.keyGroupOf(null, 128)).hasMessageContaining("key selector returned null");
    }
}
