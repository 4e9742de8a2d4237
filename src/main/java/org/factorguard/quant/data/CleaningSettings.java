package org.factorguard.quant.data;

/**
 * Settings of {@link DataCleaner}.
 *
 * @param madMultiplier   k of the import-time outlier rule of datasets imported before issue 13 (kept so that
 *                        their reports read back; new imports store prices as imported and models see the
 *                        causal view of {@link CausalCleaner} with its own k)
 * @param maxGapDays      longest run of missing trading days inside an instrument's listed span (default 5); a
 *                        longer gap drops the instrument, shorter ones are carried forward in model inputs
 * @param maxMissingShare largest share of missing days inside the listed span before the instrument is
 *                        dropped (default 0.2)
 */
public record CleaningSettings(double madMultiplier, int maxGapDays, double maxMissingShare) {

    public CleaningSettings {
        if (!(madMultiplier > 0) || Double.isInfinite(madMultiplier)) {
            throw new IllegalArgumentException("madMultiplier must be positive, was " + madMultiplier);
        }
        if (maxGapDays < 0) {
            throw new IllegalArgumentException("maxGapDays must not be negative, was " + maxGapDays);
        }
        if (!(maxMissingShare >= 0 && maxMissingShare <= 1)) {
            throw new IllegalArgumentException("maxMissingShare must be in [0, 1], was " + maxMissingShare);
        }
    }

    public static CleaningSettings defaults() {
        return new CleaningSettings(5.0, 5, 0.2);
    }
}
