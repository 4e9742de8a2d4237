package org.factorguard.jobs.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Progress of one executing run. Reports update memory at once; the database is written when the
 * previous write is at least {@code minInterval} old (or a stage begins), and whatever is still pending
 * is written by the node's ticker or at the end of the run. The loss curve keeps at most
 * {@link JobRunStore#MAX_LOSS_POINTS} points by thinning every other point when full.
 */
final class RunProgress implements JobProgress {

    private final long jobId;
    private final String node;
    private final JobRunStore store;
    private final Runnable afterWrite;
    private final long minIntervalNanos;
    private final LongSupplier nanoTime;

    private String stage;
    private double fraction;
    private Integer epoch;
    private Double latestLoss;
    private final List<LossPoint> history = new ArrayList<>();
    private boolean dirty;
    private long lastWriteNanos;
    private boolean everWritten;

    RunProgress(long jobId, String node, JobRunStore store, Runnable afterWrite, long minIntervalNanos,
            LongSupplier nanoTime) {
        this.jobId = jobId;
        this.node = node;
        this.store = store;
        this.afterWrite = afterWrite;
        this.minIntervalNanos = minIntervalNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public void stage(String stage, double fraction) {
        synchronized (this) {
            boolean changed = stage != null && !stage.equals(this.stage);
            this.stage = stage == null ? null : abbreviate(stage);
            this.fraction = clamp(fraction);
            dirty = true;
            if (!changed) {
                writeIfDue();
                return;
            }
        }
        flush();
    }

    @Override
    public void fraction(double fraction) {
        synchronized (this) {
            this.fraction = clamp(fraction);
            dirty = true;
        }
        writeIfDue();
    }

    @Override
    public void epoch(int epoch, double loss) {
        synchronized (this) {
            this.epoch = epoch;
            this.latestLoss = Double.isFinite(loss) ? loss : null;
            if (Double.isFinite(loss)) {
                history.add(new LossPoint(epoch, loss));
                if (history.size() > JobRunStore.MAX_LOSS_POINTS) {
                    thin();
                }
            }
            dirty = true;
        }
        writeIfDue();
    }

    /** Writes pending changes if the last write is old enough. */
    void writeIfDue() {
        synchronized (this) {
            if (!dirty || (everWritten && nanoTime.getAsLong() - lastWriteNanos < minIntervalNanos)) {
                return;
            }
        }
        flush();
    }

    /** Writes pending changes now. */
    void flush() {
        String s;
        double f;
        Integer e;
        Double l;
        List<LossPoint> h;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            s = stage;
            f = fraction;
            e = epoch;
            l = latestLoss;
            h = List.copyOf(history);
            dirty = false;
            everWritten = true;
            lastWriteNanos = nanoTime.getAsLong();
        }
        if (store.writeProgress(jobId, node, s, f, e, l, h)) {
            afterWrite.run();
        }
    }

    synchronized double fractionDone() {
        return fraction;
    }

    private void thin() {
        List<LossPoint> kept = new ArrayList<>(history.size() / 2 + 1);
        for (int i = 0; i < history.size(); i += 2) {
            kept.add(history.get(i));
        }
        LossPoint last = history.get(history.size() - 1);
        if (!kept.get(kept.size() - 1).equals(last)) {
            kept.add(last);
        }
        history.clear();
        history.addAll(kept);
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
