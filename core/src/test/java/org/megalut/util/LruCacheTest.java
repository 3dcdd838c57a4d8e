package org.megalut.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LruCacheTest {

    /** Computes "v" + key and records every key it was asked for, so a test can tell hits from misses. */
    private static final class Counting implements Function<Integer, String> {
        final List<Integer> computed = new ArrayList<>();

        @Override
        public String apply(Integer key) {
            computed.add(key);
            return "v" + key;
        }
    }

    @Test
    void capacityBelowOneIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new LruCache<Integer, String>(0));
        assertThrows(IllegalArgumentException.class, () -> new LruCache<Integer, String>(-3));
    }

    @Test
    void holdsAtMostItsCapacityAndComputesOnlyOnMiss() {
        LruCache<Integer, String> cache = new LruCache<>(3);
        Counting compute = new Counting();
        for (int k = 0; k < 3; k++) {
            assertEquals("v" + k, cache.get(k, compute));
        }
        assertEquals("v1", cache.get(1, compute));
        assertEquals(List.of(0, 1, 2), compute.computed);
        assertEquals(3, cache.size());
        cache.get(3, compute);
        cache.get(4, compute);
        assertEquals(3, cache.size());
    }

    @Test
    void evictsTheLeastRecentlyUsedNotTheOldest() {
        LruCache<Integer, String> cache = new LruCache<>(2);
        Counting compute = new Counting();
        cache.get(1, compute);
        cache.get(2, compute);
        cache.get(1, compute);          // 2 is now the least recently used
        cache.get(3, compute);          // evicts 2
        compute.computed.clear();
        cache.get(1, compute);
        cache.get(3, compute);
        assertEquals(List.of(), compute.computed, "1 and 3 stay cached");
        cache.get(2, compute);
        assertEquals(List.of(2), compute.computed, "2 was evicted");
    }

    @Test
    void anEvictedKeyIsRecomputedAndCachedAgain() {
        LruCache<String, String> cache = new LruCache<>(1);
        List<String> computed = new ArrayList<>();
        Function<String, String> upper = k -> {
            computed.add(k);
            return k.toUpperCase();
        };
        assertEquals("A", cache.get("a", upper));
        assertEquals("B", cache.get("b", upper));
        assertEquals("A", cache.get("a", upper));
        assertEquals("A", cache.get("a", upper));
        assertEquals(List.of("a", "b", "a"), computed);
        assertEquals(1, cache.size());
    }

    @Test
    void aNullComputationStoresNothing() {
        LruCache<Integer, String> cache = new LruCache<>(2);
        assertNull(cache.get(7, k -> null));
        assertEquals(0, cache.size());
        assertEquals("seven", cache.get(7, k -> "seven"));
        assertEquals("seven", cache.get(7, k -> null));
    }

    @Test
    void anUnlockedComputationLetsOtherKeysThroughAndKeepsTheFirstValueStored() throws Exception {
        LruCache<Integer, String> cache = new LruCache<>(4);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = pool.submit(() -> cache.getComputedUnlocked(1, k -> {
                computing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }));
            assertTrue(computing.await(10, TimeUnit.SECONDS));
            // Another key is served while key 1 is being computed (with get, this would wait for it).
            assertEquals("v2", cache.get(2, k -> "v" + k));
            // A second thread missing key 1 meanwhile stores its value first: both end up with it.
            assertEquals("fast", cache.getComputedUnlocked(1, k -> "fast"));
            release.countDown();
            assertEquals("fast", slow.get(10, TimeUnit.SECONDS));
            Counting compute = new Counting();
            assertEquals("fast", cache.getComputedUnlocked(1, compute));
            assertEquals(List.of(), compute.computed);
        } finally {
            pool.shutdownNow();
        }
    }
}
