package org.factorguard.quant.data;

import java.util.List;

/**
 * Everything {@link DataCleaner} did, per instrument and in total; kept with a data set version. Plain
 * records of numbers and strings, so it serialises to JSON as is.
 *
 * @param settings            the settings used
 * @param instruments         one entry per input instrument, in input order
 * @param instrumentsIn       instruments before cleaning
 * @param instrumentsKept     instruments after cleaning
 * @param instrumentsDropped  instruments removed
 * @param outliersWinsorised  total winsorised returns of kept instruments
 * @param daysInterpolated    total interpolated days of kept instruments
 * @param daysMissing         total days without a close in the cleaned data
 */
public record CleaningReport(CleaningSettings settings, List<InstrumentCleaning> instruments, int instrumentsIn,
                             int instrumentsKept, int instrumentsDropped, int outliersWinsorised,
                             int daysInterpolated, int daysMissing) {

    public CleaningReport {
        instruments = List.copyOf(instruments);
    }

    /** A report with the totals summed from {@code instruments}. */
    public static CleaningReport of(CleaningSettings settings, List<InstrumentCleaning> instruments) {
        int kept = 0;
        int outliers = 0;
        int interpolated = 0;
        int missing = 0;
        for (InstrumentCleaning c : instruments) {
            if (!c.dropped()) {
                kept++;
                outliers += c.outliersWinsorised();
                interpolated += c.daysInterpolated();
                missing += c.daysMissing();
            }
        }
        return new CleaningReport(settings, instruments, instruments.size(), kept, instruments.size() - kept,
                outliers, interpolated, missing);
    }

    /** The entry of a ticker, or null. */
    public InstrumentCleaning of(String ticker) {
        return instruments.stream().filter(c -> c.ticker().equals(ticker)).findFirst().orElse(null);
    }

    /** One line for lists, e.g. "118 of 120 instruments kept, 2 dropped; 35 outliers winsorised; 12 days interpolated". */
    public String summary() {
        return instrumentsKept + " of " + instrumentsIn + " instruments kept, " + instrumentsDropped + " dropped; "
                + outliersWinsorised + " outliers winsorised; " + daysInterpolated + " days interpolated";
    }
}
