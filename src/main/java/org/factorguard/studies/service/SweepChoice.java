package org.factorguard.studies.service;

import java.util.List;

/** A setting a sweep of a portfolio can vary: the portfolio's own value and the values offered. */
public record SweepChoice(SweptSetting setting, String current, List<String> values) {

    public SweepChoice {
        values = List.copyOf(values);
    }
}
