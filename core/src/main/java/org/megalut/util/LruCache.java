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
 * <p>Thread-safe: every operation holds this cache's lock. {@link #get} computes a missing value under
 * it too (a second thread asking for the same key waits instead of computing it again);
 * {@link #getComputedUnlocked} computes outside it, for values slow to build that other threads must
 * not wait for when they ask for other keys.
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

    /**
     * As {@link #get}, but a missing value is computed without holding the lock, so that threads asking
     * for other keys meanwhile are served. Two threads missing the same key may both compute it; the
     * value stored first is kept and returned to both, so {@code compute} should be deterministic.
     *
     * @param compute builds the value of a missing key, not null
     */
    public V getComputedUnlocked(K key, Function<? super K, ? extends V> compute) {
        synchronized (this) {
            V hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        V built = compute.apply(key);
        return get(key, k -> built);
    }

    /** The number of entries held, at most the capacity. */
    public synchronized int size() {
        return entries.size();
    }
}
