package org.factorguard.quant.factors;

import java.io.Serializable;

/**
 * IC decay point: the factor's mean daily Rank IC and Rank ICIR against forward returns over {@code horizon} days,
 * and the Newey–West t-statistic of the mean with {@code horizon − 1} lags (see {@link IcSummary}).
 */
public record HorizonIc(int horizon, double meanRankIc, double rankIcir, int days, double tStatistic)
        implements Serializable {

    /** Newey–West lags of {@code tStatistic}: h − 1, because h-day forward returns of neighbouring days overlap. */
    public int neweyWestLags() {
        return horizon - 1;
    }

    /** Without a t-statistic. */
    public HorizonIc(int horizon, double meanRankIc, double rankIcir, int days) {
        this(horizon, meanRankIc, rankIcir, days, Double.NaN);
    }
}
