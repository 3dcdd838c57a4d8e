package org.megalut.util;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map that drops its least recently used entry when full, safe to share between threads.
 *
 * @param <K> key type (compared by {@code equals})
 * @param <V> value type
 */
public final class LruCache<K, V> {
    private final Map<K, V> entries;

    /** @param capacity how many entries the cache keeps (at least 1) */
    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an LRU cache needs a capacity of at least 1, got " + capacity);
        }
        // access order: a hit moves its entry to the young end, so the eldest is the least recently used
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value of a key, computed and kept when absent. */
    public synchronized V get(K key, Function<? super K, ? extends V> compute) {
        return entries.computeIfAbsent(key, compute);
    }

    /** Number of entries kept. */
    public synchronized int size() {
        return entries.size();
    }
}
