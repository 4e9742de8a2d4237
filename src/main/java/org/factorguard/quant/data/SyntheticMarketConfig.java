package org.factorguard.quant.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Settings of the built-in synthetic market ({@link SyntheticMarket}).
 *
 * @param seed          seed of every random draw; the same config always yields the same data
 * @param stockCount    number of stocks (at least the number of industries)
 * @param industryCount number of industries (1 to 16)
 * @param firstDay      first calendar day (inclusive); trading days follow {@link TradingCalendar#standard()}
 * @param lastDay       last calendar day (inclusive)
 */
public record SyntheticMarketConfig(long seed, int stockCount, int industryCount, LocalDate firstDay,
                                    LocalDate lastDay) {

    public static final long DEFAULT_SEED = 20250101L;

    public SyntheticMarketConfig {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (industryCount < 1 || industryCount > 16) {
            throw new IllegalArgumentException("industryCount must be 1..16, was " + industryCount);
        }
        if (stockCount < industryCount || stockCount > 5000) {
            throw new IllegalArgumentException("stockCount must be between industryCount and 5000, was " + stockCount);
        }
        if (!lastDay.isAfter(firstDay.plusDays(30))) {
            throw new IllegalArgumentException("the period must span more than 30 days");
        }
    }

    /** Seed 20250101, 120 stocks in 8 industries, 2010-01-04 to 2020-12-31 (the paper's span). */
    public static SyntheticMarketConfig defaults() {
        return new SyntheticMarketConfig(DEFAULT_SEED, 120, 8, LocalDate.of(2010, 1, 4), LocalDate.of(2020, 12, 31));
    }

    public SyntheticMarketConfig withSeed(long newSeed) {
        return new SyntheticMarketConfig(newSeed, stockCount, industryCount, firstDay, lastDay);
    }
}
