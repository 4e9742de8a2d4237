package org.factorguard.jobs.service;

import java.util.function.LongSupplier;
import org.factorguard.quant.models.sequence.CancellationToken;

/**
 * A run's cancel flag as a {@link CancellationToken}: reads the database at most once per
 * {@code pollInterval} (the answer is cached in between) and stays cancelled once it has seen the flag,
 * so trainers may ask between every mini-batch.
 */
final class DatabaseCancellationToken implements CancellationToken {

    private final long jobId;
    private final JobRunStore store;
    private final long pollIntervalNanos;
    private final LongSupplier nanoTime;
    private volatile boolean cancelled;
    private volatile long lastCheckNanos;
    private volatile boolean everChecked;

    DatabaseCancellationToken(long jobId, JobRunStore store, long pollIntervalNanos, LongSupplier nanoTime) {
        this.jobId = jobId;
        this.store = store;
        this.pollIntervalNanos = pollIntervalNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean isCancellationRequested() {
        if (cancelled) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (!everChecked || now - lastCheckNanos >= pollIntervalNanos) {
            synchronized (this) {
                if (!everChecked || now - lastCheckNanos >= pollIntervalNanos) {
                    cancelled = store.isCancelRequested(jobId);
                    lastCheckNanos = now;
                    everChecked = true;
                }
            }
        }
        return cancelled;
    }

    /** Whether this token has answered "cancelled" (the handler was told to stop). */
    boolean wasCancelled() {
        return cancelled;
    }
}
