package org.factorguard.quant.data;

import java.util.List;

/**
 * Everything the import's {@link DataCleaner} did, per instrument and in total; kept with a data set version.
 * Plain records of numbers and strings, so it serialises to JSON as is. A report written before issue 13 reads
 * back with {@code pricesAsImported} false (those datasets were winsorised and interpolated at import) and no
 * bad ticks.
 *
 * @param settings            the settings used
 * @param instruments         one entry per input instrument, in input order
 * @param instrumentsIn       instruments before cleaning
 * @param instrumentsKept     instruments after cleaning
 * @param instrumentsDropped  instruments removed
 * @param outliersWinsorised  total winsorised returns of kept instruments (older datasets only)
 * @param daysInterpolated    total interpolated days of kept instruments (older datasets only)
 * @param daysMissing         total days without a close in the stored data
 * @param pricesAsImported    whether the stored prices are as imported (true since issue 13) or were cleaned at
 *                            import (older datasets)
 * @param badTicks            isolated bad ticks of the kept instruments, repaired in P&amp;L only
 * @param gapDays             missing days inside the kept instruments' listed spans (carried forward in model
 *                            inputs, never filled from a later price)
 */
public record CleaningReport(CleaningSettings settings, List<InstrumentCleaning> instruments, int instrumentsIn,
                             int instrumentsKept, int instrumentsDropped, int outliersWinsorised,
                             int daysInterpolated, int daysMissing, boolean pricesAsImported,
                             List<PriceRepair> badTicks, int gapDays) {

    public CleaningReport {
        instruments = List.copyOf(instruments);
        badTicks = badTicks == null ? List.of() : List.copyOf(badTicks);
    }

    /** A report of the import of raw prices, with the totals summed from {@code instruments}. */
    public static CleaningReport of(CleaningSettings settings, List<InstrumentCleaning> instruments,
                                    List<PriceRepair> badTicks) {
        int kept = 0;
        int missing = 0;
        int gaps = 0;
        for (InstrumentCleaning c : instruments) {
            if (!c.dropped()) {
                kept++;
                missing += c.daysMissing();
                gaps += c.gapDays();
            }
        }
        return new CleaningReport(settings, instruments, instruments.size(), kept, instruments.size() - kept, 0, 0,
                missing, true, badTicks, gaps);
    }

    /** The same report with only some instrument entries (the totals kept), for storing a short form. */
    public CleaningReport withInstruments(List<InstrumentCleaning> entries) {
        return new CleaningReport(settings, entries, instrumentsIn, instrumentsKept, instrumentsDropped,
                outliersWinsorised, daysInterpolated, daysMissing, pricesAsImported, badTicks, gapDays);
    }

    /** The entry of a ticker, or null. */
    public InstrumentCleaning of(String ticker) {
        return instruments.stream().filter(c -> c.ticker().equals(ticker)).findFirst().orElse(null);
    }

    /**
     * One line for lists, e.g. "118 of 120 instruments kept, 2 dropped; prices stored as imported; 1 bad tick
     * repaired in P&amp;L only; 12 gap days carried forward in model inputs".
     */
    public String summary() {
        String kept = instrumentsKept + " of " + instrumentsIn + " instruments kept, " + instrumentsDropped
                + " dropped; ";
        if (!pricesAsImported) {
            return kept + outliersWinsorised + " outliers winsorised; " + daysInterpolated + " days interpolated";
        }
        return kept + "prices stored as imported; " + badTicks.size() + " bad tick" + (badTicks.size() == 1 ? "" : "s")
                + " repaired in P&L only; " + gapDays + " gap days carried forward in model inputs";
    }
}
