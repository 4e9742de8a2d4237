package org.factorguard.jobs.service;

/**
 * Progress of a run as the user sees it. Calls are cheap: the database is written at most about twice a
 * second (later values win), and the node's job events are published at the same moments.
 */
public interface JobProgress {

    /** A new stage (e.g. "Training LSTM, fold 2 of 5") at a fraction of the whole run in [0, 1]. */
    void stage(String stage, double fraction);

    /** The overall fraction done in [0, 1], keeping the stage. */
    void fraction(double fraction);

    /** A finished training epoch and its loss: shown as the latest loss and added to the loss curve. */
    void epoch(int epoch, double loss);
}
