package org.factorguard.jobs.service;

/** Where a run is in its life: QUEUED → RUNNING → one of the three final states (or QUEUED → CANCELLED). */
public enum JobState {
    QUEUED("Queued"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
