package org.factorguard.quant.factors;

/**
 * Settings of {@link QuantileAnalysis}.
 *
 * @param quantiles      number of buckets q per day (5 = quintiles), 2 to 100
 * @param demeaned       subtract each day's universe mean return before averaging by bucket, as alphalens'
 *                       {@code long_short=True} (the default there); the top-minus-bottom spread is the same either
 *                       way
 * @param turnoverPeriod p in days for the bucket turnover |S<sub>t</sub> \ S<sub>t−p</sub>| / |S<sub>t</sub>|
 *                       (alphalens' {@code quantile_turnover(..., period=p)})
 */
public record QuantileSettings(int quantiles, boolean demeaned, int turnoverPeriod) {

    public QuantileSettings {
        if (quantiles < 2 || quantiles > 100) {
            throw new IllegalArgumentException("quantiles must be between 2 and 100, was " + quantiles);
        }
        if (turnoverPeriod < 1) {
            throw new IllegalArgumentException("turnover period must be at least 1 day, was " + turnoverPeriod);
        }
    }

    /** Quintiles, demeaned returns, day-to-day turnover. */
    public static QuantileSettings defaults() {
        return new QuantileSettings(5, true, 1);
    }

    public QuantileSettings withQuantiles(int value) {
        return new QuantileSettings(value, demeaned, turnoverPeriod);
    }

    public QuantileSettings withDemeaned(boolean value) {
        return new QuantileSettings(quantiles, value, turnoverPeriod);
    }

    public QuantileSettings withTurnoverPeriod(int value) {
        return new QuantileSettings(quantiles, demeaned, value);
    }
}
