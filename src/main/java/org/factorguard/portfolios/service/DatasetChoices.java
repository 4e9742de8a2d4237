package org.factorguard.portfolios.service;

import java.time.LocalDate;
import java.util.List;

/**
 * What the portfolio editor offers for one dataset: its industries and instruments (for the universe) and its
 * first and last trading day (bounds of the date pickers).
 */
public record DatasetChoices(long datasetId, List<String> industries, List<InstrumentChoice> instruments,
                             LocalDate firstDate, LocalDate lastDate) {

    /** One instrument of the dataset, labelled for a searchable picker. */
    public record InstrumentChoice(String ticker, String name, String industry) {

        public String label() {
            return name == null || name.isBlank() || name.equals(ticker) ? ticker : ticker + " · " + name;
        }
    }

    public DatasetChoices {
        industries = List.copyOf(industries);
        instruments = List.copyOf(instruments);
    }
}
