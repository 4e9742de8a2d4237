package org.factorguard.studies.service;

import java.time.Instant;
import java.util.List;

/** A setting sweep in a list: the setting, its values as they read, and when it was queued. */
public record SweepSummary(long id, long portfolioId, String portfolioName, SweptSetting setting,
                           List<String> valueLabels, Instant createdAt) {

    public SweepSummary {
        valueLabels = List.copyOf(valueLabels);
    }
}
