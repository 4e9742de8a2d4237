package org.factorguard.jobs.service;

/** One point of a run's loss curve. */
public record LossPoint(int epoch, double loss) {
}
