package org.megalut.util;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map of computed values that evicts the least recently used entry once it holds more than
 * its capacity.
 *
 * <p>Recency counts both look-ups that hit and insertions (an access-ordered {@link LinkedHashMap});
 * the entry just computed is never the one evicted. Keys follow {@link Object#equals} and
 * {@link Object#hashCode}.
 *
 * <p>Thread-safe: every operation holds this cache's lock, including the computation of a missing
 * value. A caller whose computation is slow and may run concurrently for other keys can look up with
 * a function returning {@code null} (which stores nothing), compute outside, and then offer the result
 * with a second {@link #get}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class LruCache<K, V> {
    private final int capacity;
    private final Map<K, V> entries;

    /**
     * An empty cache.
     *
     * @param capacity the most entries kept, ≥ 1
     * @throws IllegalArgumentException if capacity is below 1
     */
    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("LRU cache capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    /**
     * The value cached for {@code key}, marked most recently used; on a miss, {@code compute(key)},
     * stored (evicting the least recently used entry when the cache would exceed its capacity) and
     * returned. A {@code null} from {@code compute} is returned and nothing is stored, as in
     * {@link Map#computeIfAbsent}.
     *
     * @param key key, not null
     * @param compute builds the value of a missing key; runs under this cache's lock
     */
    public synchronized V get(K key, Function<? super K, ? extends V> compute) {
        V value = entries.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (value != null) {
                entries.put(key, value);
            }
        }
        return value;
    }

    /** The number of entries held, at most the capacity. */
    public synchronized int size() {
        return entries.size();
    }
}
