package org.factorguard.quant.factors;

import org.factorguard.quant.risk.NeweyWest;

/**
 * Returns by signal bucket over one day range (see {@link QuantileSeries#summarise} for every formula). A PM reads:
 * the mean h-day return of each bucket (monotone from bucket 1 to q when the signal ranks returns), the
 * top-minus-bottom spread with its Newey–West t, how each bucket's equal-weight portfolio would have grown, how much
 * of the top bucket changes from one rebalance to the next, and one number for monotonicity.
 *
 * @param fromDay             first day of the range
 * @param toDay               end of the range (exclusive)
 * @param days                days in the range with buckets
 * @param quantiles           q
 * @param horizon             h of the forward returns
 * @param meanReturn          {@code [bucket]} mean over days of the bucket's mean h-day forward log return
 *                            (demeaned if set; divide by h for a per-day log rate)
 * @param standardError       {@code [bucket]} its Newey–West (h − 1 lags) standard error
 * @param spread              mean top-minus-bottom h-day spread with its Newey–West test
 * @param cumulative          {@code [bucket][day − fromDay]} growth of 1 in the bucket's daily-rebalanced
 *                            equal-weight portfolio, after the 1-day return earned from that day to the next
 * @param cumulativeSpread    {@code [day − fromDay]} the same for the portfolio long bucket q and short bucket 1
 * @param topTurnover         mean share of new names in bucket q per turnover period
 * @param bottomTurnover      mean share of new names in bucket 1 per turnover period
 * @param monotonicity        Spearman's ρ of bucket number against {@code meanReturn} (1 = perfectly increasing)
 */
public record QuantileSummary(int fromDay, int toDay, int days, int quantiles, int horizon, double[] meanReturn,
                              double[] standardError, NeweyWest.MeanTest spread, double[][] cumulative,
                              double[] cumulativeSpread, double topTurnover, double bottomTurnover,
                              double monotonicity) {
}
