package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * How often the portfolio is rebalanced. A rebalance (decision) day is the last trading day of its
 * period in the dataset's calendar: every day, the last day of each ISO week, or the last day of each
 * calendar month. Whether a day closes its period is read from the next trading date, i.e. from the
 * trading calendar, never from prices.
 */
public enum RebalanceFrequency {
    DAILY, WEEKLY, MONTHLY;

    /** Whether day {@code d} of the calendar {@code dates} closes its period (the last day always does). */
    public boolean isRebalanceDay(LocalDate[] dates, int d) {
        if (this == DAILY || d == dates.length - 1) {
            return true;
        }
        LocalDate now = dates[d];
        LocalDate next = dates[d + 1];
        return switch (this) {
            case WEEKLY -> now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != next.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    || now.get(IsoFields.WEEK_BASED_YEAR) != next.get(IsoFields.WEEK_BASED_YEAR);
            case MONTHLY -> now.getMonthValue() != next.getMonthValue() || now.getYear() != next.getYear();
            case DAILY -> true;
        };
    }
}
