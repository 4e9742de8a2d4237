package org.factorguard.datasets.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.factorguard.quant.data.MarketData;

/**
 * Decoded datasets kept in memory, keyed by dataset id and content hash, least recently used evicted first.
 * Two threads asking for the same dataset at once share one decoding.
 */
final class MarketDataCache {

    record Key(long datasetId, String contentHash) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, CompletableFuture<MarketData>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long loads;

    MarketDataCache(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    MarketData get(Key key, Supplier<MarketData> loader) {
        CompletableFuture<MarketData> future;
        boolean mine = false;
        synchronized (this) {
            future = entries.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                entries.put(key, future);
                mine = true;
                loads++;
                while (entries.size() > capacity) {
                    Key eldest = entries.keySet().iterator().next();
                    entries.remove(eldest);
                }
            }
        }
        if (mine) {
            try {
                future.complete(loader.get());
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading dataset " + key.datasetId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many times a dataset was decoded (a cache miss). */
    synchronized long loads() {
        return loads;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized Map<Key, Boolean> snapshot() {
        Map<Key, Boolean> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v.isDone()));
        return out;
    }
}
