package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megalut.ml.data.CaseSplit;
import org.megalut.ml.data.MinibatchSource;

class CommitteeStreamsTest {

    @Test
    void streamsAreReproducibleAndDistinct() {
        Set<Long> firsts = new HashSet<>();
        for (long seed : new long[] {0, 1, 2}) {
            for (int member = -1; member < 16; member++) {
                for (CommitteeStreams.Purpose p : CommitteeStreams.Purpose.values()) {
                    long a = CommitteeStreams.stream(seed, member, p).nextLong();
                    assertEquals(a, CommitteeStreams.stream(seed, member, p).nextLong());
                    firsts.add(a);
                }
            }
        }
        assertEquals(3 * 17 * 3, firsts.size(), "all (seed, member, purpose) streams differ");
    }

    @Test
    void splitFollowsTenbilacLayout() {
        CaseSplit s = CaseSplit.random(1000, 0.2, CommitteeStreams.stream(7, -1, CommitteeStreams.Purpose.SPLIT));
        assertEquals(800, s.train().length);
        assertEquals(200, s.validation().length);
        Set<Integer> all = new HashSet<>();
        for (int i : s.train()) {
            all.add(i);
        }
        for (int i : s.validation()) {
            all.add(i);
        }
        assertEquals(1000, all.size());
        assertArrayEquals(s.train(), CaseSplit.random(1000, 0.2, CommitteeStreams.stream(7, -1, CommitteeStreams.Purpose.SPLIT)).train());
        int[] batch = MinibatchSource.random(800, 0.25, CommitteeStreams.stream(7, 0, CommitteeStreams.Purpose.MINIBATCH)).positions(0);
        assertEquals(200, batch.length);
        assertTrue(Arrays.stream(batch).distinct().count() == 200, "drawn without replacement");
    }
}
