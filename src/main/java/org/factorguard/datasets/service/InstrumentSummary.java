package org.factorguard.datasets.service;

/** One instrument of a dataset, for lists and search. */
public record InstrumentSummary(String ticker, String name, String industry) {
}
